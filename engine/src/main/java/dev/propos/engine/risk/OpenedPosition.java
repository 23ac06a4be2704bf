package dev.propos.engine.risk;

import dev.propos.engine.decision.Decision.MatchedPosition;
import dev.propos.engine.event.Side;
import java.io.Serializable;
import java.time.Instant;

/** A position as risk sees it: who opened what, when. */
public record OpenedPosition(String account, String trader, String position, String symbol, Side side,
                             Instant openTime) implements Serializable {

    MatchedPosition evidence() {
        return new MatchedPosition(account, position, symbol, side.wireName(), openTime);
    }
}
