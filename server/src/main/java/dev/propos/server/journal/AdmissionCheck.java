package dev.propos.server.journal;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.Program;
import dev.propos.engine.event.Event;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses, before acknowledgement, an event that the engine would stop on (spec/server.md): an
 * unknown account or position, a second start, an unknown program, phase or symbol, a close of
 * more lots than are open. It keeps the little it needs of every accepted event, journaled or
 * still held, in acknowledgement order.
 *
 * <p>What it cannot know ahead (the engine's own state: whether a previous account has passed,
 * whether a payout can be cancelled) the engine host checks when it evaluates; an event it refuses
 * there is voided in the journal.
 *
 * <p>The journal writer owns it; only {@link #finished} is called from the engine's thread.
 */
public final class AdmissionCheck {

    /** What is known of an account: its program and its open positions' lots. */
    private static final class AccountShadow {
        final Program program;
        final Map<String, BigDecimal> openLots = new HashMap<>();

        AccountShadow(Program program) {
            this.program = program;
        }
    }

    private final Map<String, AccountShadow> accounts = new HashMap<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private FirmConfig config;

    public AdmissionCheck(FirmConfig config) {
        this.config = config;
    }

    public void configure(FirmConfig newer) {
        this.config = newer;
    }

    /** The engine finished the account: its later events are ignored, not refused. */
    public void finished(String account) {
        finished.add(account);
    }

    /** Why the event would be refused, or null when it can be accepted; an accepted event is recorded. */
    public String admit(Event event) {
        String reason = reasonToRefuse(event);
        if (reason == null) {
            record(event);
        }
        return reason;
    }

    /** Records an event accepted earlier (a restart reads the events back). */
    public void record(Event event) {
        switch (event) {
            case Event.AccountStarted started -> {
                Program program = programOf(started);
                accounts.put(started.account(), new AccountShadow(program));
            }
            case Event.PositionOpened opened -> {
                AccountShadow account = accounts.get(opened.account());
                if (account != null) {
                    account.openLots.put(opened.position(), opened.lots());
                }
            }
            case Event.PositionClosed closed -> {
                AccountShadow account = accounts.get(closed.account());
                BigDecimal open = account == null ? null : account.openLots.get(closed.position());
                if (open != null) {
                    BigDecimal left = closed.lots() == null ? BigDecimal.ZERO : open.subtract(closed.lots());
                    if (left.signum() <= 0) {
                        account.openLots.remove(closed.position());
                    } else {
                        account.openLots.put(closed.position(), left);
                    }
                }
            }
            default -> {
            }
        }
    }

    private String reasonToRefuse(Event event) {
        return switch (event) {
            case Event.AccountStarted started -> refuseStart(started);
            case Event.AccountEvent accountEvent -> refuseAccountEvent(accountEvent);
            case Event.Quote quote -> config.symbol(quote.symbol()) == null ? unknownSymbol(quote.symbol()) : null;
            case Event.News news -> null;
            case Event.Clock clock -> null;
        };
    }

    private String refuseStart(Event.AccountStarted started) {
        if (accounts.containsKey(started.account())) {
            return "account " + started.account() + " was already started";
        }
        if (started.previousAccount() != null && !accounts.containsKey(started.previousAccount())) {
            return "unknown previous_account " + started.previousAccount();
        }
        Program program = programOf(started);
        if (program == null) {
            return started.program() == null && started.previousAccount() == null
                    ? "account_started needs a program (or a previous_account)"
                    : "unknown program " + programId(started) + (started.version() == null ? "" : " version " + started.version());
        }
        if (started.phase() != null && program.phase(started.phase()) == null) {
            return "program " + program.id() + " version " + program.version() + " has no phase " + started.phase();
        }
        return null;
    }

    private String refuseAccountEvent(Event.AccountEvent event) {
        AccountShadow account = accounts.get(event.account());
        if (account == null) {
            return "unknown account " + event.account();
        }
        if (finished.contains(event.account())) {
            return null; // the engine ignores and counts it
        }
        return switch (event) {
            case Event.PositionOpened opened -> {
                if (account.openLots.containsKey(opened.position())) {
                    yield "position " + opened.position() + " of account " + opened.account() + " is already open";
                }
                yield config.symbol(opened.symbol()) == null ? unknownSymbol(opened.symbol()) : null;
            }
            case Event.PositionModified modified -> openPosition(account, modified.account(), modified.position());
            case Event.PositionClosed closed -> {
                String unknown = openPosition(account, closed.account(), closed.position());
                if (unknown != null) {
                    yield unknown;
                }
                BigDecimal open = account.openLots.get(closed.position());
                yield closed.lots() != null && closed.lots().compareTo(open) > 0
                        ? "position " + closed.position() + " has " + open.toPlainString() + " lots open, the close names "
                                + closed.lots().toPlainString()
                        : null;
            }
            default -> null;
        };
    }

    private static String openPosition(AccountShadow account, String accountId, String position) {
        return account.openLots.containsKey(position) ? null : "unknown position " + position + " of account " + accountId;
    }

    private Program programOf(Event.AccountStarted started) {
        AccountShadow previous = started.previousAccount() == null ? null : accounts.get(started.previousAccount());
        String id = programId(started);
        if (id == null) {
            return null;
        }
        Integer version = started.version();
        if (version == null && previous != null && previous.program != null && previous.program.id().equals(id)) {
            version = previous.program.version();
        }
        return config.program(id, version);
    }

    private String programId(Event.AccountStarted started) {
        if (started.program() != null) {
            return started.program();
        }
        AccountShadow previous = started.previousAccount() == null ? null : accounts.get(started.previousAccount());
        return previous != null && previous.program != null ? previous.program.id() : null;
    }

    private static String unknownSymbol(String symbol) {
        return "unknown symbol " + symbol + ": not declared in the configuration and not a six-letter currency pair";
    }
}
