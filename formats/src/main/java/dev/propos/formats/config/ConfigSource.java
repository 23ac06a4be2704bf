package dev.propos.formats.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The text of one configuration file (YAML, or JSON, which is YAML too) and the name errors give it. */
public record ConfigSource(String name, String text) {

    /** Reads {@code file} as UTF-8; errors name it as it was given. */
    public static ConfigSource of(Path file) throws IOException {
        return new ConfigSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
}
