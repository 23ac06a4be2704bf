package dev.propos.server.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the firm's data lives. With no {@code url} (environment {@code PROPOS_DB_URL}) the server
 * starts an embedded PostgreSQL whose files are kept under {@code dataDirectory}.
 */
@ConfigurationProperties("propos.db")
public record DatabaseSettings(String url, String username, String password, Path dataDirectory,
                               int maximumPoolSize) {

    public DatabaseSettings {
        dataDirectory = dataDirectory != null ? dataDirectory : Path.of("data");
        maximumPoolSize = maximumPoolSize > 0 ? maximumPoolSize : 10;
    }

    boolean isEmbedded() {
        return url == null || url.isBlank();
    }
}
