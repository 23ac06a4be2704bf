package dev.propos.engine.event;

import java.math.BigDecimal;
import java.util.Objects;

/** A change to a stop loss or take profit level: left as it is, removed, or set to a price. */
public sealed interface LevelUpdate {

    Keep KEEP = new Keep();
    Clear CLEAR = new Clear();

    static LevelUpdate to(BigDecimal price) {
        return new SetTo(price);
    }

    /** The level after applying this update to {@code current} (null when there is none). */
    BigDecimal applyTo(BigDecimal current);

    record Keep() implements LevelUpdate {
        @Override
        public BigDecimal applyTo(BigDecimal current) {
            return current;
        }
    }

    record Clear() implements LevelUpdate {
        @Override
        public BigDecimal applyTo(BigDecimal current) {
            return null;
        }
    }

    record SetTo(BigDecimal price) implements LevelUpdate {
        public SetTo {
            Objects.requireNonNull(price);
        }

        @Override
        public BigDecimal applyTo(BigDecimal current) {
            return price;
        }
    }
}
