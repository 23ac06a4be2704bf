package dev.propos.engine.market;

import dev.propos.engine.EngineException;
import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.event.Side;
import dev.propos.engine.money.Money;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** The latest quote of every symbol, and the valuation of positions in an account currency. */
public final class Market implements Serializable {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private FirmConfig config;
    private final Map<String, Quote> quotes = new HashMap<>();
    /**
     * The contract of every symbol traded so far. Positions hold these very instances (the quote
     * router groups holdings by identity), so a newer configuration never replaces them.
     */
    private final Map<String, SymbolSpec> specs = new HashMap<>();
    private long version;

    public Market(FirmConfig config) {
        this.config = config;
    }

    /**
     * Takes a newer configuration: symbols it adds become tradable. A symbol already traded must
     * keep its contract (a declared one, or the implicit one of a currency pair), since open
     * positions are valued with it; nothing changes when it does not.
     *
     * @throws EngineException naming the first such symbol, by name
     */
    public void reconfigure(FirmConfig newer) {
        for (String symbol : new TreeSet<>(specs.keySet())) {
            SymbolSpec traded = specs.get(symbol);
            SymbolSpec now = newer.symbol(symbol);
            if (!traded.equals(now)) {
                throw new EngineException("symbol " + symbol + " is already traded with " + describe(traded)
                        + "; the new configuration " + (now == null ? "does not know it" : "gives " + describe(now)));
            }
        }
        this.config = newer;
    }

    private static String describe(SymbolSpec spec) {
        return "contract_size " + spec.contractSize().toPlainString() + " and profit_currency " + spec.profitCurrency();
    }

    /**
     * The latest bid and ask of a symbol, with their exact keys (1e-9 units, {@link PriceKeys}) or
     * {@link PriceKeys#NOT_EXACT}: computed once per quote, for the valuations in long arithmetic.
     */
    public record Quote(BigDecimal bid, BigDecimal ask, long bidKey, long askKey) implements Serializable {

        static Quote of(BigDecimal bid, BigDecimal ask) {
            return new Quote(bid, ask, PriceKeys.exactKey(bid), PriceKeys.exactKey(ask));
        }

        /** {@code (bid + ask) / 2}, exact; computed only where a conversion needs it. */
        public BigDecimal mid() {
            return bid.add(ask).divide(TWO);
        }
    }

    public void update(String symbol, BigDecimal bid, BigDecimal ask) {
        quotes.put(symbol, Quote.of(bid, ask));
        version++;
    }

    /** Counts quote updates: a valuation made at this version is at the latest quotes. */
    public long version() {
        return version;
    }

    /** The latest quote, or null. */
    public Quote quote(String symbol) {
        return quotes.get(symbol);
    }

    /** The symbol's contract, or an error naming it when it has none. */
    public SymbolSpec spec(String symbol) {
        SymbolSpec spec = specs.get(symbol);
        if (spec == null) {
            spec = config.symbol(symbol);
            if (spec == null) {
                throw new EngineException("unknown symbol " + symbol
                        + ": not declared in the configuration and not a six-letter currency pair");
            }
            specs.put(symbol, spec);
        }
        return spec;
    }

    /**
     * The price at which a position on {@code side} is valued or closed by PropOS: the bid for a
     * buy, the ask for a sell; null without a quote.
     */
    public BigDecimal exitPrice(String symbol, Side side) {
        Quote quote = quotes.get(symbol);
        return quote == null ? null : side == Side.BUY ? quote.bid() : quote.ask();
    }

    /** P&L in the symbol's profit currency of {@code lots} opened at {@code openPrice} and valued at {@code price}. */
    public static BigDecimal profit(SymbolSpec spec, Side side, BigDecimal lots, BigDecimal openPrice,
                                    BigDecimal price) {
        BigDecimal move = side == Side.BUY ? price.subtract(openPrice) : openPrice.subtract(price);
        return move.multiply(lots).multiply(spec.contractSize());
    }

    /**
     * Converts an amount from {@code currency} to {@code accountCurrency} and rounds it to cents;
     * returns null when no quote allows the conversion.
     */
    public Long toAccountCents(BigDecimal amount, String currency, String accountCurrency) {
        if (currency.equals(accountCurrency)) {
            return Money.toCents(amount);
        }
        Quote direct = quotes.get(accountCurrency + currency);
        if (direct != null) {
            return Money.toCents(amount.divide(direct.mid(), Money.DIVISION));
        }
        Quote inverse = quotes.get(currency + accountCurrency);
        if (inverse != null) {
            return Money.toCents(amount.multiply(inverse.mid()));
        }
        return null;
    }

    /** As {@link #toAccountCents}, but a missing conversion is an error. */
    public long toAccountCentsRequired(BigDecimal amount, String currency, String accountCurrency) {
        Long cents = toAccountCents(amount, currency, accountCurrency);
        if (cents == null) {
            throw new EngineException("no quote to convert " + currency + " to " + accountCurrency
                    + " (needs " + accountCurrency + currency + " or " + currency + accountCurrency + ")");
        }
        return cents;
    }

    /** The symbols whose quotes convert {@code currency} into {@code accountCurrency}; empty when equal. */
    public static String[] conversionSymbols(String currency, String accountCurrency) {
        return currency.equals(accountCurrency)
                ? new String[0]
                : new String[] {accountCurrency + currency, currency + accountCurrency};
    }
}
