package dev.propos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void noCommandIsAUsageError() {
        Run run = Run.of();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command").contains("Usage: propos");
    }

    @Test
    void evaluateNeedsConfigAndEvents() {
        Run run = Run.of("evaluate", "--events", "-");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--config=FILE'").contains("Usage: propos evaluate");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = Run.of("evaluate", "--config", "c.yaml", "--events", "-", "--fast");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--fast'");
    }

    @Test
    void helpGoesToStandardOutput() {
        Run run = Run.of("evaluate", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--config=FILE").contains("--events=FILE").contains("--out=FILE")
                .contains("--no-status");
    }
}
