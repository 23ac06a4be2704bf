package dev.propos.foreign;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

/** A serializable class outside the engine: a snapshot naming it must be refused before it is read. */
public final class Canary implements Serializable {

    /** Set when an instance is deserialized, which must never happen from a snapshot. */
    public static volatile boolean read;

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        read = true;
    }
}
