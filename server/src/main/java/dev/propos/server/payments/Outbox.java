package dev.propos.server.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The folder the bank's upload client takes pain.001 files from. A file appears whole or not at
 * all: it is written and synced under a hidden temporary name, then renamed.
 */
final class Outbox {

    private final Path folder;

    Outbox(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    boolean contains(String fileName) {
        return Files.exists(folder.resolve(fileName));
    }

    Path write(String fileName, String content) {
        Path target = folder.resolve(fileName);
        Path temporary = folder.resolve("." + fileName + ".tmp");
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
