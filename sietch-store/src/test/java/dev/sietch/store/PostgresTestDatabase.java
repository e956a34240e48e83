package dev.sietch.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own in the PostgreSQL the machine runs (127.0.0.1:5432, database {@code test},
 * trust authentication; {@code SIETCH_TEST_POSTGRES_URL} and {@code SIETCH_TEST_POSTGRES_USER}
 * point elsewhere), dropped on close. Where no PostgreSQL answers, the test is reported as skipped
 * with the reason.
 */
final class PostgresTestDatabase implements AutoCloseable {

    static final String URL = System.getenv().getOrDefault("SIETCH_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("SIETCH_TEST_POSTGRES_USER", "postgres");

    final String schema = "sietch_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);

    private PostgresTestDatabase() throws SQLException {
        try (Connection connection = connect(URL)) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
    }

    /** A fresh schema, or the test is skipped when PostgreSQL cannot be reached. */
    static PostgresTestDatabase create() {
        try {
            return new PostgresTestDatabase();
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL not reachable at " + URL + " as " + USER + ": " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    /** The schema's URL, through {@code hostAndPort} instead of the server's own when given. */
    String url(String hostAndPort) {
        String url = hostAndPort == null ? URL : URL.replaceFirst("//[^/]+/", "//" + hostAndPort + "/");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    PostgresSettings settings(String hostAndPort) {
        return new PostgresSettings(url(hostAndPort), USER, "", 4, Duration.ofSeconds(1));
    }

    PostgresSettings settings() {
        return settings(null);
    }

    static String serverHostAndPort() {
        var matcher = java.util.regex.Pattern.compile("//([^/]+)/").matcher(URL);
        if (!matcher.find()) {
            throw new IllegalStateException("no host in " + URL);
        }
        return matcher.group(1);
    }

    Connection connect() throws SQLException {
        return connect(url(null));
    }

    private static Connection connect(String url) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = connect(URL)) {
            connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
