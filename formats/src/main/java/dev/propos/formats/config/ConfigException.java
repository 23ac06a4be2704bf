package dev.propos.formats.config;

/**
 * An invalid firm configuration, located at the line of the offending node. Its message reads
 * {@code FILE:LINE: message}, as {@code propos evaluate} prints it.
 */
public final class ConfigException extends RuntimeException {

    private final String file;
    private final int line;
    private final String detail;

    public ConfigException(String file, int line, String detail) {
        super(file + ":" + line + ": " + detail);
        this.file = file;
        this.line = line;
        this.detail = detail;
    }

    /** The configuration file's name as it was given. */
    public String file() {
        return file;
    }

    /** The 1-based line of the offending node. */
    public int line() {
        return line;
    }

    /** The message without its location. */
    public String detail() {
        return detail;
    }
}
