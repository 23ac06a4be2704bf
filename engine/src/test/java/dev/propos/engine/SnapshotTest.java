package dev.propos.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.Event;
import dev.propos.engine.random.RandomFirm;
import dev.propos.engine.reference.ReferenceEvaluator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * An engine restored from a snapshot goes on exactly as the one that wrote it: on random seeded
 * firms, a run cut twice (snapshot, restore into a new engine, go on) decides as the run without
 * cuts, decision for decision, refusal for refusal, and ends with the same statuses.
 */
class SnapshotTest {

    /** What a run produced: its decisions (statuses last), and the events it refused (index and reason). */
    private record Run(List<Decision> decisions, List<String> errors) {
    }

    @Property(tries = 250)
    void restoredEngineDecidesAsTheUninterruptedOne(@ForAll @LongRange(min = 1) long seed,
                                                    @ForAll @IntRange(min = 2, max = 30) int accounts,
                                                    @ForAll @IntRange(min = 0, max = 2000) int firstCut,
                                                    @ForAll @IntRange(min = 0, max = 2000) int secondCut) {
        RandomFirm firm = RandomFirm.generate(seed, accounts, 2000);
        assertSameAsUninterrupted(firm, Math.min(firstCut, secondCut), Math.max(firstCut, secondCut), false, seed);
    }

    @Property(tries = 10)
    void restoredEngineDecidesAsTheUninterruptedOneInLargerFirms(
            @ForAll @LongRange(min = 1) long seed, @ForAll @IntRange(min = 100, max = 200) int accounts,
            @ForAll @IntRange(min = 0, max = 8000) int firstCut, @ForAll @IntRange(min = 0, max = 8000) int secondCut) {
        RandomFirm firm = RandomFirm.generate(seed, accounts, 8000);
        assertSameAsUninterrupted(firm, Math.min(firstCut, secondCut), Math.max(firstCut, secondCut), false, seed);
    }

    /** A router of the caller's is part of the snapshot too. */
    @Property(tries = 20)
    void referenceEvaluatorRestoresWithItsRouter(@ForAll @LongRange(min = 1) long seed,
                                                 @ForAll @IntRange(min = 0, max = 2000) int cut) {
        RandomFirm firm = RandomFirm.generate(seed, 10, 2000);
        assertSameAsUninterrupted(firm, cut, cut, true, seed);
    }

    @Example
    void snapshotOfAFreshEngineRestores() throws IOException {
        RandomFirm firm = RandomFirm.generate(7, 5, 500);
        assertSameAsUninterrupted(firm, 0, 0, false, 7);
        Engine restored = Engine.restore(new ByteArrayInputStream(snapshot(new Engine(firm.config, d -> { }))),
                d -> { });
        assertThat(restored.statuses()).isEmpty();
    }

    @Example
    void restoreReadsTheSnapshotAndNothingAfterIt() throws IOException {
        RandomFirm firm = RandomFirm.generate(11, 5, 500);
        Engine engine = new Engine(firm.config, d -> { });
        firm.events.forEach(engine::apply);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.writeSnapshot(out);
        out.write("tail".getBytes());
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        Engine restored = Engine.restore(in, d -> { });
        assertThat(in.readAllBytes()).asString().isEqualTo("tail");
        assertThat(restored.statuses()).isEqualTo(engine.statuses());
    }

    private static void assertSameAsUninterrupted(RandomFirm firm, int firstCut, int secondCut, boolean reference,
                                                  long seed) {
        Run whole = run(firm, List.of(), reference);
        Run cut = run(firm, List.of(firstCut, secondCut), reference);
        String context = "seed " + seed + ", cuts at " + firstCut + " and " + secondCut;
        assertThat(cut.errors()).as("refused events (%s)", context).isEqualTo(whole.errors());
        int common = Math.min(whole.decisions().size(), cut.decisions().size());
        for (int i = 0; i < common; i++) {
            assertThat(cut.decisions().get(i)).as("decision %d (%s)", i, context).isEqualTo(whole.decisions().get(i));
        }
        assertThat(cut.decisions()).as("decision count (%s)", context).hasSameSizeAs(whole.decisions());
    }

    /** Runs the stream, replacing the engine by one restored from its snapshot before each cut's event. */
    private static Run run(RandomFirm firm, List<Integer> cuts, boolean reference) {
        List<Decision> decisions = new ArrayList<>();
        Consumer<Decision> sink = decisions::add;
        Engine engine = reference ? ReferenceEvaluator.create(firm.config, sink) : new Engine(firm.config, sink);
        List<String> errors = new ArrayList<>();
        List<Event> events = firm.events;
        for (int i = 0; i <= events.size(); i++) {
            for (int cut : cuts) {
                if (cut == i) {
                    engine = restore(snapshot(engine), sink);
                }
            }
            if (i == events.size()) {
                break;
            }
            try {
                engine.apply(events.get(i));
            } catch (EngineException e) {
                errors.add(i + ": " + e.getMessage());
            }
        }
        decisions.addAll(engine.statuses());
        return new Run(decisions, errors);
    }

    static byte[] snapshot(Engine engine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            engine.writeSnapshot(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Engine restore(byte[] snapshot, Consumer<Decision> sink) {
        try {
            return Engine.restore(new ByteArrayInputStream(snapshot), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
