package dev.sietch.store;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores on PostgreSQL for the store tests that also run there: one schema per database name the
 * test asks for (as the SQLite tests use one file per name), all dropped on close.
 */
final class PostgresStores implements StoreTestBase.Engine {

    private final Map<String, PostgresTestDatabase> schemas = new LinkedHashMap<>();
    private final Map<String, PostgresDatabase> databases = new LinkedHashMap<>();

    @Override
    public Store open(String name) {
        return Store.postgres(database(name), Clock.systemUTC());
    }

    /** A plain connection to the schema behind {@code name}. */
    @Override
    public java.sql.Connection connect(String name) throws java.sql.SQLException {
        database(name);
        return schemas.get(name).connect();
    }

    private PostgresDatabase database(String name) {
        return databases.computeIfAbsent(name, n -> {
            PostgresTestDatabase schema = PostgresTestDatabase.create();
            schemas.put(n, schema);
            return PostgresDatabase.open(schema.settings());
        });
    }

    @Override
    public void close() throws Exception {
        for (PostgresDatabase database : databases.values()) {
            database.close();
        }
        for (PostgresTestDatabase schema : schemas.values()) {
            schema.close();
        }
    }
}
