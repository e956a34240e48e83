package dev.sietch.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, trust authentication) for tests: a test using it is
 * aborted — reported as skipped, with the reason — where none is reachable, never passed.
 */
public final class TestPostgres {

    public static final String SERVER = "127.0.0.1:5432";

    private TestPostgres() {}

    /** A connection as {@code postgres} to {@code database}; aborts the test when the server cannot be reached. */
    public static Connection connect(String database) {
        var properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "2");
        try {
            return DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/" + database, properties);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL not reachable at " + SERVER + ": " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    /** A name of the given prefix no other test run uses. */
    public static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Runs {@code sql} on the database {@code test}. */
    public static void execute(String sql) throws SQLException {
        try (Connection admin = connect("test")) {
            admin.createStatement().execute(sql);
        }
    }
}
