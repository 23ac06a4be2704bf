package dev.propos.server.accounts;

import dev.propos.engine.Engine;
import dev.propos.engine.status.RuleStatus;
import dev.propos.engine.calendar.LocalSchedule;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.TradingDay;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.money.Money;
import dev.propos.server.evaluation.EngineHost;
import dev.propos.server.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Accounts as the engine has them now. Every read runs on the engine's thread ({@link EngineHost#read}),
 * between journal entries, so it sees one consistent state; the methods taking an {@link Engine}
 * are those queries and must only be called there.
 */
@Component
class LiveAccounts {

    /** Which accounts a list shows; a null criterion takes any. */
    record Filter(String trader, String program, String status, String after, int limit) {
    }

    /** Who an account belongs to, as far as the engine knows it. */
    record Owner(String account, String trader) {
    }

    private static final long ANSWER_SECONDS = 30;

    private final EngineHost host;

    LiveAccounts(EngineHost host) {
        this.host = host;
    }

    /** The engine's accounts that pass the filter, by account id, at most {@code filter.limit()}. */
    List<AccountSummary> list(Filter filter) {
        return await(engine -> {
            List<AccountSummary> accounts = new ArrayList<>();
            for (Decision.AccountStatus status : engine.statuses()) {
                if (accounts.size() == filter.limit()) {
                    break;
                }
                if (filter.after() != null && status.account().compareTo(filter.after()) <= 0) {
                    continue;
                }
                Engine.AccountInfo info = engine.accountInfo(status.account());
                if ((filter.trader() == null || filter.trader().equals(info.trader()))
                        && (filter.program() == null || filter.program().equals(status.program()))
                        && (filter.status() == null || filter.status().equals(status.status()))) {
                    accounts.add(new AccountSummary(status.account(), info.trader(), status.program(),
                            info.program().version(), status.phase(), status.status(),
                            Money.toDecimal(status.balanceCents()), Money.toDecimal(status.equityCents())));
                }
            }
            return accounts;
        });
    }

    /** The account as the engine has it now, or empty when the engine does not know it (yet). */
    Optional<AccountDetail> detail(String accountId) {
        return Optional.ofNullable(await(engine -> detail(engine, accountId, host.evaluatedTime())));
    }

    /** Who the account belongs to, or empty when the engine does not know it (yet). */
    Optional<Owner> owner(String accountId) {
        return Optional.ofNullable(await(engine -> {
            Engine.AccountInfo info = engine.accountInfo(accountId);
            return info == null ? null : new Owner(info.account(), info.trader());
        }));
    }

    private static AccountDetail detail(Engine engine, String accountId, Instant asOf) {
        Engine.AccountInfo info = engine.accountInfo(accountId);
        if (info == null) {
            return null;
        }
        Program program = info.program();
        return new AccountDetail(info.account(), info.trader(), program.id(), program.version(), program.name(),
                program.currency(), info.phase().id(), info.phase().funded(), info.status().wireName(), asOf,
                statusFigures(engine, info, asOf), ruleStatus(engine, accountId), null);
    }

    /**
     * The figures the engine has for an account now: its {@code account_status} and the start of its
     * next trading day, the first boundary of its program's trading day after the engine's time
     * (as the engine's own day boundaries are).
     *
     */
    static StatusFigures statusFigures(Engine engine, Engine.AccountInfo info, Instant asOf) {
        Decision.AccountStatus status = engine.status(info.account());
        return StatusFigures.of(status, info.status().isFinished() || asOf == null ? null : nextDayStart(info, asOf));
    }

    static Instant nextDayStart(Engine.AccountInfo info, Instant asOf) {
        TradingDay day = info.program().tradingDay();
        return LocalSchedule.nextDaily(day.zone(), day.start(), asOf);
    }

    /** The live status of each of the account's rules: value, limit, distance to it, basis, next reset. */
    static List<RuleView> ruleStatus(Engine engine, String accountId) {
        List<RuleStatus> rules = engine.ruleStatus(accountId);
        return rules == null ? List.of() : rules.stream().map(RuleView::of).toList();
    }

    private <T> T await(Function<Engine, T> query) {
        try {
            return host.read(query).get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw ApiException.unavailable("the engine did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while waiting for the engine");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the engine's read failed", e.getCause());
        }
    }
}
