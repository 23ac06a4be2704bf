package dev.propos.formats.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.config.FirmConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The configurations of ../shared/examples (the acceptance cases) all read. */
class SharedExamplesConfigTest {

    static Stream<Path> exampleConfigs() throws IOException {
        Path examples = Path.of(System.getProperty("propos.examples", "/work/shared/examples"));
        Assumptions.assumeTrue(Files.isDirectory(examples), "shared examples not found at " + examples);
        try (Stream<Path> cases = Files.list(examples)) {
            return cases.map(dir -> dir.resolve("config.yaml")).filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("exampleConfigs")
    void readsExampleConfig(Path config) throws IOException {
        FirmConfig firm = ConfigReader.read(List.of(config));

        assertThat(firm.programs()).isNotEmpty();
        assertThat(firm.programs()).allSatisfy(program -> assertThat(program.phases()).isNotEmpty());
    }
}
