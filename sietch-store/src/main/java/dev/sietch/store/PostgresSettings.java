package dev.sietch.store;

import java.time.Duration;
import java.util.Objects;

/**
 * A PostgreSQL database shared by several instances.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/sietch} (parameters such as
 *     {@code currentSchema} allowed)
 * @param user the role to connect as
 * @param password its password; empty for trust or peer authentication (never logged)
 * @param maxPoolSize connections kept by this instance at most
 * @param connectTimeout how long getting a connection may take before the operation fails
 */
public record PostgresSettings(String jdbcUrl, String user, String password, int maxPoolSize, Duration connectTimeout) {

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        if (maxPoolSize < 2) {
            throw new IllegalArgumentException("maxPoolSize must be at least 2 (a read beside a write), was "
                    + maxPoolSize);
        }
    }

    @Override
    public String toString() {
        return "PostgresSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", maxPoolSize=" + maxPoolSize + ", connectTimeout=" + connectTimeout + "]";
    }
}
