package dev.propos.server.evaluation;

import dev.propos.engine.decision.Decision;
import dev.propos.formats.decision.DecisionWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decisions as the JSON lines of spec/decisions.md, exactly as {@code propos evaluate} prints them. */
public final class DecisionLines {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private final DecisionWriter writer = new DecisionWriter(buffer);

    /** One decision's line, without the line break. Not thread-safe. */
    public String line(Decision decision) {
        buffer.reset();
        writer.write(decision);
        writer.flush();
        String text = buffer.toString(StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
