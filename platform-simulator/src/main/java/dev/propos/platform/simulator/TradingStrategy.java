package dev.propos.platform.simulator;

import dev.propos.engine.event.Side;
import java.util.List;
import java.util.SplittableRandom;

/** The decisions of one behaviour at a wake-up. Strategies keep no state: the desk shows what they need. */
interface TradingStrategy {

    /** Trades (or not) and schedules the next wake-up. */
    void act(TradingDesk desk);

    /** How long a position that survived a restart is held from the restart on. */
    long recoveredHoldSeconds(SplittableRandom random);

    static TradingStrategy of(Behaviour behaviour) {
        return switch (behaviour) {
            case Behaviour.Careful careful -> new CarefulTrading();
            case Behaviour.Reckless reckless -> new RecklessTrading();
            case Behaviour.Copier copier -> new CopyTrading();
            case Behaviour.NewsTrader newsTrader -> new NewsTrading();
            case Behaviour.Scalper scalper -> new Scalping();
        };
    }

    /** A random tradable symbol of {@code symbols}, or null when none trades now. */
    static String pickTradable(TradingDesk desk, List<String> symbols) {
        List<String> open = symbols.stream().filter(desk::tradable).toList();
        return open.isEmpty() ? null : open.get(desk.random().nextInt(open.size()));
    }

    /** With probability {@code skill} the side the market will reward over {@code seconds}, else a coin toss. */
    static Side chooseSide(TradingDesk desk, String symbol, long seconds, double skill) {
        if (desk.random().nextDouble() < skill) {
            Side informed = desk.sideThatGains(symbol, seconds);
            if (informed != null) {
                return informed;
            }
        }
        return desk.random().nextBoolean() ? Side.BUY : Side.SELL;
    }
}
