package dev.propos.server;

import dev.propos.engine.event.Event;
import dev.propos.platform.CommandOutcome;
import dev.propos.platform.EventSink;
import dev.propos.platform.PlatformCommand;
import dev.propos.platform.PlatformException;
import dev.propos.platform.TradingPlatform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform for the server's tests: it records every command it carries out (once per command id,
 * as the SPI requires), can be made to fail the next commands, and lets a test deliver events.
 */
public final class RecordingPlatform implements TradingPlatform {

    private final Map<String, PlatformCommand> executed = new LinkedHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final List<PlatformCommand> attempts = new ArrayList<>();
    private volatile EventSink sink;

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void start(EventSink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized CommandOutcome execute(PlatformCommand command) throws PlatformException {
        attempts.add(command);
        if (failNext.get() > 0) {
            failNext.decrementAndGet();
            throw new PlatformException("platform unavailable (test)", true);
        }
        executed.putIfAbsent(command.commandId(), command);
        return new CommandOutcome(command.commandId(), "done");
    }

    /** The next {@code count} commands fail with a retryable error. */
    public void failNext(int count) {
        failNext.set(count);
    }

    public synchronized List<PlatformCommand> executed() {
        return List.copyOf(executed.values());
    }

    public synchronized List<PlatformCommand> attempts() {
        return List.copyOf(attempts);
    }

    public void deliver(List<Event> events) {
        sink.publish(events);
    }

    @Override
    public void close() {
    }
}
