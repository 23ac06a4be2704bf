package dev.propos.bench;

import dev.propos.engine.event.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Quotes made ahead of a benchmark, so that it measures the engine and not the generator: a
 * recorded stretch of the generator's market played forward, then backward (so that prices join
 * up at the turn), again and again, with times that keep increasing.
 */
final class QuoteTape {

    private final String[] symbols;
    private final BigDecimal[] bids;
    private final BigDecimal[] asks;
    private int position;
    private long timeMillis;

    QuoteTape(LoadGenerator load, int recorded, Instant after) {
        symbols = new String[recorded * 2];
        bids = new BigDecimal[recorded * 2];
        asks = new BigDecimal[recorded * 2];
        for (int i = 0; i < recorded; i++) {
            Event.Quote quote = load.nextQuote();
            set(i, quote);
            set(recorded * 2 - 1 - i, quote);
        }
        timeMillis = after.toEpochMilli();
    }

    private void set(int i, Event.Quote quote) {
        symbols[i] = quote.symbol();
        bids[i] = quote.bid();
        asks[i] = quote.ask();
    }

    /** The time of the last quote given. */
    Instant time() {
        return Instant.ofEpochMilli(timeMillis);
    }

    /** Moves the tape's clock on (the next quote comes this much later). */
    void skip(Duration duration) {
        timeMillis += duration.toMillis();
    }

    /** The next quote, 2 ms after the one before. */
    Event.Quote next() {
        int i = position;
        position = i + 1 == symbols.length ? 0 : i + 1;
        timeMillis += 2;
        return new Event.Quote(Instant.ofEpochMilli(timeMillis), null, symbols[i], bids[i], asks[i]);
    }
}
