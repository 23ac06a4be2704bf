package dev.propos.engine;

/**
 * An event (or configuration) that the engine cannot apply: an unknown account or position, a time
 * that goes backwards, a missing conversion ... The caller names the input line.
 */
public class EngineException extends RuntimeException {

    public EngineException(String message) {
        super(message);
    }
}
