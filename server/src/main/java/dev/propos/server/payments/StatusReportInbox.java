package dev.propos.server.payments;

import dev.propos.server.runtime.FirmParticipant;
import dev.propos.server.threads.RoundWorker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The folder the bank's download client (EBICS, SFTP) puts status reports and statements in. Every
 * {@code propos.payments.inbox-interval} each {@code *.xml} file there is imported, then moved to
 * {@code imported/}, or to {@code refused/} beside a {@code .error.txt} saying why. A file is taken
 * only once it has not changed for a while (the client may still be writing it); hidden files are
 * left alone. A file that fails for another reason (the database away) stays for the next round.
 */
@Component
class StatusReportInbox implements FirmParticipant {

    private static final Logger log = LoggerFactory.getLogger(StatusReportInbox.class);
    /** How long a file must be unchanged before it is read. */
    private static final Duration SETTLED = Duration.ofSeconds(2);

    private final StatusReportImport reports;
    private final Path folder;
    private final RoundWorker worker;

    StatusReportInbox(StatusReportImport reports, PaymentSettings settings) {
        this.reports = reports;
        this.folder = settings.inbox();
        this.worker = new RoundWorker("pain002-inbox", settings.inboxInterval(), this::importAll);
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    /** Imports every settled report in the inbox; returns how many files were taken (imported or refused). */
    int importAll() {
        int taken = 0;
        for (Path file : settledReports()) {
            String name = file.getFileName().toString();
            try {
                StatusReportImport.Imported imported = reports.importReport(
                        Files.readString(file, StandardCharsets.UTF_8), "inbox:" + name);
                move(file, "imported", imported.reportId());
                log.info("Status report {} on {} imported from {}: {} payments", imported.messageId(),
                        imported.originalMessageId(), name, imported.outcomes().size());
            } catch (BankFileException e) {
                Path refused = move(file, "refused", null);
                writeError(refused, e.getMessage());
                log.warn("Status report {} refused: {}", name, e.getMessage());
            } catch (IOException | RuntimeException e) {
                log.error("Status report {} not imported; it stays in the inbox for the next round", name, e);
                continue;
            }
            taken++;
        }
        return taken;
    }

    private List<Path> settledReports() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        Instant settledBefore = Instant.now().minus(SETTLED);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.xml")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && !entry.getFileName().toString().startsWith(".")
                        && Files.getLastModifiedTime(entry).toInstant().isBefore(settledBefore)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the status report inbox " + folder, e);
        }
        files.sort(null);
        return files;
    }

    /**
     * Moves a taken file into {@code subfolder}; a name taken already there gets the report's id
     * (when there is one), else a count.
     */
    private Path move(Path file, String subfolder, Long reportId) {
        try {
            Path into = Files.createDirectories(folder.resolve(subfolder));
            String name = file.getFileName().toString();
            Path target = into.resolve(name);
            int count = 1;
            if (Files.exists(target) && reportId != null) {
                target = into.resolve(name + "." + reportId);
                count = 2;
            }
            while (Files.exists(target)) {
                target = into.resolve(name + "." + count++);
            }
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + subfolder, e);
        }
    }

    private static void writeError(Path refused, String error) {
        try {
            Files.writeString(refused.resolveSibling(refused.getFileName() + ".error.txt"), error + "\n");
        } catch (IOException e) {
            log.error("cannot write why {} was refused", refused, e);
        }
    }
}
