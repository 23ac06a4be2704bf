package dev.propos.server.payments;

import dev.propos.server.threads.ServiceThread;
import dev.propos.server.runtime.FirmParticipant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the queued pain.001 payments to the outbox every {@code propos.payments.batch-interval},
 * as many files as needed, and at start the files a crash left unwritten. Does nothing while the
 * firm's account is not configured: no payment can be queued then.
 */
@Component
class Pain001BatchWorker implements FirmParticipant {

    private static final Logger log = LoggerFactory.getLogger(Pain001BatchWorker.class);

    private final Pain001Rail rail;
    private final PaymentSettings settings;
    private volatile boolean running;
    private final ServiceThread thread = ServiceThread.daemon("pain001-batches");

    Pain001BatchWorker(Pain001Rail rail, PaymentSettings settings) {
        this.rail = rail;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (!rail.debtorProblems().isEmpty()) {
            log.info("pain.001 rail off: {}", String.join("; ", rail.debtorProblems()));
            return;
        }
        running = true;
        thread.start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        thread.stop();
    }

    private void run() {
        while (running) {
            try {
                while (running && rail.writeBatch().isPresent()) {
                    // one more file while payments are still queued (more than batch-size-max)
                }
                Thread.sleep(settings.batchInterval());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A broken file or a full disk: the payments stay queued and the next round tries again.
                log.error("pain.001 batch failed; the payments stay queued", e);
                try {
                    Thread.sleep(settings.batchInterval());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
