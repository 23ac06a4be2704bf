package dev.propos.engine.account;

import dev.propos.engine.calendar.NewsCalendar;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.market.Market;
import java.time.Instant;

/** What an account needs from the engine around it. */
public interface AccountServices {

    Market market();

    NewsCalendar news();

    void emit(Decision decision);

    /** Asks for {@link Account#runScheduledCheck} at {@code at} for a rule entry (and position). */
    void schedule(Instant at, Account account, int ruleIndex, long positionSeq, String positionId);
}
