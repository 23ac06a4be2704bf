package dev.propos.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole server on its embedded PostgreSQL (a fresh folder per test JVM), with the
 * {@link RecordingPlatform}, no lateness window and no wall clock, so that tests decide time.
 * Test classes share one server; each uses its own account ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "propos.db.data-directory=${java.io.tmpdir}/propos-server-test-${random.uuid}",
        "propos.journal.lateness-window=0s",
        "propos.journal.wall-clock=false",
        "propos.engine.snapshot-every=200",
        "propos.reactions.first-retry=50ms",
        "propos.reactions.poll-interval=50ms",
        "propos.stream.status-interval=200ms",
        "propos.admin.password=" + TestClient.ADMIN_PASSWORD,
        "propos.platform.kind=test",
        "propos.kyc.webhook-secret=" + TestClient.KYC_SECRET,
        "propos.stripe.webhook-secret=" + TestClient.STRIPE_SECRET})
@Import(ServerTest.Platform.class)
public @interface ServerTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Platform {
        @Bean
        RecordingPlatform recordingPlatform() {
            return new RecordingPlatform();
        }
    }
}
