package dev.sietch.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store test that runs on SQLite files in its temporary directory; its {@code *PostgresTest}
 * subclass runs the same tests on PostgreSQL by overriding {@link #engine()}.
 */
abstract class StoreTestBase {

    /** Where the stores a test opens by name live. */
    interface Engine extends AutoCloseable {
        Store open(String name);

        /** A plain connection to the database named {@code name}, beside the store's own. */
        Connection connect(String name) throws SQLException;
    }

    @TempDir
    Path dir;

    private Engine engine;

    /** SQLite: one file per name in the test's directory. */
    Engine engine() {
        return new Engine() {
            @Override
            public Store open(String name) {
                return Store.sqlite(StoreSettings.of(dir.resolve(name)));
            }

            @Override
            public Connection connect(String name) throws SQLException {
                return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name));
            }

            @Override
            public void close() {}
        };
    }

    @BeforeEach
    final void startEngine() {
        engine = engine();
    }

    @AfterEach
    final void stopEngine() throws Exception {
        engine.close();
    }

    /** The store named {@code name}. */
    Store open(String name) {
        return engine.open(name);
    }

    /** The SQLite store named {@code name}, for what only SQLite does (its file, an online backup). */
    SqliteStore sqlite(String name) {
        return Store.sqlite(StoreSettings.of(dir.resolve(name)));
    }

    Connection connect(String name) throws SQLException {
        return engine.connect(name);
    }
}
