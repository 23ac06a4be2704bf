package dev.propos.platform;

/**
 * A trading platform as PropOS sees it: a source of events and a target of commands. Every
 * adapter (the built-in simulator, MetaTrader 5, cTrader, ...) implements this one interface.
 *
 * <h2>Events in</h2>
 * {@link #start(EventSink)} begins delivering the platform's events (spec/events.md): trades,
 * balance changes, quotes, and for a simulated platform also {@code clock} and {@code news}. Each
 * event carries a stable {@code id} derived from the platform's own ids (deal id, ExecID, balance
 * operation ...), so that an event sent again after a reconnect is a duplicate that ingest
 * ignores. Events carry the platform's time; within one adapter they are delivered in time order.
 * <ul>
 *   <li>Platform account ids are PropOS account ids: the {@code account} of every event is the
 *       account named in the {@link PlatformCommand.CreateAccount} that created it.</li>
 *   <li>The platform does not report the creation of an account: PropOS journals
 *       {@code account_started} itself (it knows the program, the previous account and the fee).
 *       Events of an account come after the command that created it succeeded.</li>
 *   <li>A close that PropOS orders ({@link PlatformCommand.ClosePosition},
 *       {@link PlatformCommand.CloseAllPositions}) is reported back as an ordinary
 *       {@code position_closed} with the platform's price and profit: that report settles PropOS's
 *       provisional close (spec/events.md, "Positions PropOS closed").</li>
 *   <li>A payout's {@link PlatformCommand.AdjustBalance} (reason {@code payout} or
 *       {@code payout_reversal}) is <em>not</em> reported back as {@code balance_adjusted}: the
 *       engine already moved the balance when it approved the payout (spec/server.md). Other
 *       balance adjustments are reported like any balance operation.</li>
 * </ul>
 *
 * <h2>Commands out</h2>
 * {@link #execute(PlatformCommand)} carries out one command. Commands are idempotent by
 * {@link PlatformCommand#commandId()}: executing a command id a second time acts no further and
 * returns the first outcome, so that the server can retry freely after a timeout or a restart.
 * Commands whose goal already holds are no-ops with an outcome, not errors (closing a position that
 * is already closed, enabling an enabled account). A failure throws {@link PlatformException},
 * {@linkplain PlatformException#retryable() retryable} or not; a failed command has not acted, and
 * its id is not remembered, so a retry acts.
 *
 * <p>Implementations are thread-safe: the server calls {@code execute} from its reaction workers
 * while the platform delivers events from threads of its own.
 */
public interface TradingPlatform extends AutoCloseable {

    /** A short stable name for logs, metrics and configuration: {@code simulator}, {@code mt5} ... */
    String name();

    /**
     * Begins delivering events to {@code sink}, from threads of the platform's own. Called once;
     * commands may be executed before it (to create the accounts of a new firm, for instance).
     */
    void start(EventSink sink);

    /**
     * Carries out {@code command} once; the same {@code commandId} again returns the first
     * outcome without acting.
     *
     * @throws PlatformException when the command could not be carried out (it has not acted)
     */
    CommandOutcome execute(PlatformCommand command) throws PlatformException;

    /** Stops delivering events and releases the platform's threads and connections. */
    @Override
    void close();
}
