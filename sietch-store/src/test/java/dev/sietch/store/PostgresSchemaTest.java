package dev.sietch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's migrations build the same tables and columns as SQLite's (so the store's statements
 * run on both), with exact amounts as NUMERIC(78,0) and times as TIMESTAMPTZ. A migration added to
 * one database's history and not the other's fails here.
 */
final class PostgresSchemaTest {

    /** Tables only PostgreSQL has: the leader's lease (one SQLite database has one instance). */
    private static final Set<String> POSTGRES_ONLY = Set.of("leader_lease");
    private static final Pattern TIME = Pattern.compile(".*_at|.*_since|nym_last_changed");
    private static final Pattern AMOUNT = Pattern.compile(
            "held|claimed|burned|amount|bgt_at_.*|entry_threshold|waitlist_top|waitlist_bottom|gap_to_entry");

    @TempDir
    Path dir;

    record Column(String type, boolean notNull) {}

    @Test
    void bothDatabasesHaveTheSameTablesAndColumns() throws Exception {
        Map<String, Map<String, Column>> sqlite = sqliteSchema();
        Map<String, Map<String, Column>> postgres;
        try (var schema = PostgresTestDatabase.create()) {
            try (var database = PostgresDatabase.open(schema.settings())) {
                assertThat(database.appliedMigrations()).startsWith("001", "002");
            }
            postgres = postgresSchema(schema);
        }
        postgres.keySet().removeAll(POSTGRES_ONLY);

        assertThat(postgres.keySet()).isEqualTo(sqlite.keySet());
        for (var table : sqlite.entrySet()) {
            Map<String, Column> pg = postgres.get(table.getKey());
            assertThat(pg.keySet()).as(table.getKey()).isEqualTo(table.getValue().keySet());
            for (var column : table.getValue().entrySet()) {
                String where = table.getKey() + "." + column.getKey();
                Column lite = column.getValue();
                Column other = pg.get(column.getKey());
                if (lite.notNull()) {
                    assertThat(other.notNull()).as(where + " NOT NULL").isTrue();
                }
                if (TIME.matcher(column.getKey()).matches() && lite.type().equals("TEXT")) {
                    assertThat(other.type()).as(where).isEqualTo("timestamp with time zone");
                } else if (AMOUNT.matcher(column.getKey()).matches()) {
                    assertThat(other.type()).as(where).isEqualTo("numeric(78,0)");
                } else if (lite.type().equals("BLOB")) {
                    assertThat(other.type()).as(where).isEqualTo("bytea");
                } else if (lite.type().equals("INTEGER")) {
                    assertThat(other.type()).as(where).isIn("integer", "bigint");
                } else if (lite.type().equals("REAL")) {
                    assertThat(other.type()).as(where).isEqualTo("double precision");
                } else {
                    assertThat(other.type()).as(where).isEqualTo("text");
                }
            }
        }
        assertThat(sqlite).hasSizeGreaterThan(20);
    }

    private Map<String, Map<String, Column>> sqliteSchema() throws Exception {
        Path file = dir.resolve("sietch.db");
        Store.sqlite(StoreSettings.of(file)).close();
        Map<String, Map<String, Column>> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var names = connection.createStatement().executeQuery("""
                        SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                        AND name <> 'flyway_schema_history'""")) {
            while (names.next()) {
                String table = names.getString(1);
                Map<String, Column> columns = new TreeMap<>();
                try (var info = connection.createStatement().executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (info.next()) {
                        columns.put(info.getString("name"), new Column(info.getString("type").toUpperCase(java.util.Locale.ROOT),
                                info.getInt("notnull") == 1));
                    }
                }
                tables.put(table, columns);
            }
        }
        return tables;
    }

    private static Map<String, Map<String, Column>> postgresSchema(PostgresTestDatabase schema) throws Exception {
        Map<String, Map<String, Column>> tables = new TreeMap<>();
        try (Connection connection = schema.connect();
                var statement = connection.prepareStatement("""
                        SELECT c.table_name, c.column_name, c.is_nullable,
                               format_type(a.atttypid, a.atttypmod) AS type
                        FROM information_schema.columns c
                        JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass
                                            AND a.attname = c.column_name
                        WHERE c.table_schema = ? AND c.table_name <> 'flyway_schema_history'""")) {
            statement.setString(1, schema.schema);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.computeIfAbsent(rows.getString(1), t -> new TreeMap<>())
                            .put(rows.getString(2), new Column(rows.getString(4), rows.getString(3).equals("NO")));
                }
            }
        }
        return tables;
    }
}
