package dev.propos.server;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link RecordingPlatform} for a server started by {@link ServerProcess}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("propos.test.recording-platform")
class ChildProcessPlatform {

    @Bean
    RecordingPlatform recordingPlatform() {
        return new RecordingPlatform();
    }
}
