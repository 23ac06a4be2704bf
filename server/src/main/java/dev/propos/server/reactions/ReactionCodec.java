package dev.propos.server.reactions;

import dev.propos.platform.PlatformCommand;
import tools.jackson.databind.json.JsonMapper;

/** Platform commands as stored: a kind and the command's fields as JSON. */
final class ReactionCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReactionCodec() {
    }

    static String kind(PlatformCommand command) {
        return switch (command) {
            case PlatformCommand.CreateAccount c -> "create_account";
            case PlatformCommand.EnableAccount c -> "enable_account";
            case PlatformCommand.DisableAccount c -> "disable_account";
            case PlatformCommand.ClosePosition c -> "close_position";
            case PlatformCommand.CloseAllPositions c -> "close_all_positions";
            case PlatformCommand.AdjustBalance c -> "adjust_balance";
        };
    }

    static String json(PlatformCommand command) {
        return JSON.writeValueAsString(command);
    }

    static PlatformCommand read(String kind, String json) {
        Class<? extends PlatformCommand> type = switch (kind) {
            case "create_account" -> PlatformCommand.CreateAccount.class;
            case "enable_account" -> PlatformCommand.EnableAccount.class;
            case "disable_account" -> PlatformCommand.DisableAccount.class;
            case "close_position" -> PlatformCommand.ClosePosition.class;
            case "close_all_positions" -> PlatformCommand.CloseAllPositions.class;
            case "adjust_balance" -> PlatformCommand.AdjustBalance.class;
            default -> throw new IllegalArgumentException("unknown reaction kind " + kind);
        };
        return JSON.readValue(json, type);
    }
}
