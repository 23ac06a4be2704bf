package dev.propos.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one PostgreSQL database: an external one when configured, otherwise an embedded one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Started only when no external database is configured; stops after the pool has closed. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseSettings settings) {
        return settings.isEmbedded() ? EmbeddedDatabase.start(settings.dataDirectory()) : EmbeddedDatabase.none();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseSettings settings, EmbeddedDatabase embedded) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("propos");
        hikari.setMaximumPoolSize(settings.maximumPoolSize());
        // The journal writes in batches: one multi-row insert instead of a statement a row.
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        if (settings.isEmbedded()) {
            hikari.setJdbcUrl(embedded.jdbcUrl());
            hikari.setUsername(EmbeddedDatabase.USER);
        } else {
            hikari.setJdbcUrl(settings.url());
            hikari.setUsername(settings.username());
            hikari.setPassword(settings.password());
        }
        return new HikariDataSource(hikari);
    }
}
