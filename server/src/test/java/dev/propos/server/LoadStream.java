package dev.propos.server;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of trading for the firm of {@code load-firm.yaml}: accounts start, EURUSD quotes
 * walk, positions open and close, and two accounts copy each other. Every line has an id.
 */
final class LoadStream {

    private final Random random;
    private final String prefix;
    private final List<String> accounts = new ArrayList<>();
    private final List<List<String>> openPositions = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private Instant time = Instant.parse("2026-03-02T08:00:00Z");
    private BigDecimal bid = new BigDecimal("1.08000");
    private long sequence;

    private LoadStream(long seed, String prefix) {
        this.random = new Random(seed);
        this.prefix = prefix;
    }

    /** {@code accountCount} accounts and about {@code eventCount} events. */
    static List<String> generate(long seed, String prefix, int accountCount, int eventCount) {
        LoadStream stream = new LoadStream(seed, prefix);
        for (int i = 0; i < accountCount; i++) {
            stream.start(i);
        }
        while (stream.lines.size() < eventCount) {
            stream.next();
        }
        return stream.lines;
    }

    private void start(int index) {
        String account = prefix + "A" + index;
        accounts.add(account);
        openPositions.add(new ArrayList<>());
        add("{\"type\":\"account_started\",\"time\":\"%s\",\"id\":\"%s\",\"account\":\"%s\",\"program\":\"load-10k\",\"trader\":\"%sT%d\",\"fee\":99}"
                .formatted(time, id(), account, prefix, index));
    }

    private void next() {
        time = time.plusSeconds(1 + random.nextInt(40));
        int roll = random.nextInt(100);
        if (roll < 55) {
            quote();
        } else if (roll < 80) {
            int index = random.nextInt(accounts.size());
            String side = random.nextBoolean() ? "buy" : "sell";
            BigDecimal lots = BigDecimal.valueOf(1 + random.nextInt(20), 1);
            open(index, side, lots);
            if (index == 0) { // account 1 copies account 0 within seconds
                time = time.plusSeconds(1 + random.nextInt(3));
                open(1 % accounts.size(), side, lots);
            }
        } else {
            close(random.nextInt(accounts.size()));
        }
    }

    private void quote() {
        bid = bid.add(BigDecimal.valueOf(random.nextInt(41) - 20, 5)).max(new BigDecimal("1.00000"));
        add("{\"type\":\"quote\",\"time\":\"%s\",\"id\":\"%s\",\"symbol\":\"EURUSD\",\"bid\":%s,\"ask\":%s}"
                .formatted(time, id(), bid.toPlainString(), ask().toPlainString()));
    }

    private BigDecimal ask() {
        return bid.add(new BigDecimal("0.00010")).setScale(5, RoundingMode.UNNECESSARY);
    }

    private void open(int index, String side, BigDecimal lots) {
        String position = "p" + (++sequence);
        openPositions.get(index).add(position);
        BigDecimal price = side.equals("buy") ? ask() : bid;
        add("{\"type\":\"position_opened\",\"time\":\"%s\",\"id\":\"%s\",\"account\":\"%s\",\"position\":\"%s\",\"symbol\":\"EURUSD\",\"side\":\"%s\",\"lots\":%s,\"price\":%s}"
                .formatted(time, id(), accounts.get(index), position, side, lots.toPlainString(), price.toPlainString()));
    }

    private void close(int index) {
        List<String> open = openPositions.get(index);
        if (open.isEmpty()) {
            quote();
            return;
        }
        String position = open.remove(random.nextInt(open.size()));
        add("{\"type\":\"position_closed\",\"time\":\"%s\",\"id\":\"%s\",\"account\":\"%s\",\"position\":\"%s\",\"price\":%s}"
                .formatted(time, id(), accounts.get(index), position, bid.toPlainString()));
    }

    private String id() {
        return prefix + "e" + lines.size();
    }

    private void add(String line) {
        lines.add(line);
    }
}
