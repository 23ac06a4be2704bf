package dev.propos.platform.simulator;

import dev.propos.engine.event.Event.AccountStarted;
import dev.propos.platform.PlatformCommand.CreateAccount;
import java.math.BigDecimal;
import java.time.Instant;

/** An account the demo firm opens on its first start: who trades it, and in which phase of the demo program. */
public record DemoAccount(String account, SimulatedTrader trader, String program, String phase, boolean funded,
                          BigDecimal balance, String currency) {

    /** The command that creates it on the simulator. */
    public CreateAccount createAccount(String commandId) {
        return new CreateAccount(commandId, account, trader.id(), currency, balance, program, phase, funded);
    }

    /** The {@code account_started} PropOS journals for it (phase named explicitly: no previous account). */
    public AccountStarted accountStarted(Instant time, String eventId) {
        return new AccountStarted(time, eventId, account, null, program, null, phase, balance, trader.id(), null);
    }
}
