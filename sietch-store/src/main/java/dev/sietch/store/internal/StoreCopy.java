package dev.sietch.store.internal;

import dev.sietch.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;

/**
 * Copies an SQLite store into an empty PostgreSQL one: every table but the migration history,
 * parents before children (from SQLite's own foreign keys), read in one read transaction (a
 * consistent copy of a running deployment) and written in one PostgreSQL transaction, then the
 * identity counters moved past the copied ids and the row counts compared.
 */
public final class StoreCopy {

    private static final int BATCH = 500;

    private StoreCopy() {}

    /** Rows per table, as copied (equal on both sides, or the copy fails and nothing is written). */
    public static Map<String, Long> copy(Path sqliteFile, DataSource postgres) {
        if (!Files.isRegularFile(sqliteFile)) {
            throw new IllegalArgumentException(sqliteFile + ": no such file");
        }
        var config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection source = config.createConnection("jdbc:sqlite:" + sqliteFile.toAbsolutePath());
                Connection target = postgres.getConnection()) {
            source.setAutoCommit(false); // one read transaction: one consistent state of the file
            target.setAutoCommit(false);
            try {
                List<String> tables = inParentOrder(source);
                refuseIfNotEmpty(target, tables);
                try (var clear = target.createStatement()) {
                    clear.execute("DELETE FROM sync_health"); // the migration's seed row; the copy brings its own
                }
                Map<String, Long> copied = new LinkedHashMap<>();
                for (String table : tables) {
                    copied.put(table, copyTable(source, target, table));
                }
                for (String table : tables) {
                    resetIdentity(target, table);
                    long rows = count(target, table);
                    if (rows != copied.get(table)) {
                        throw new StoreException("copy of " + table + " has " + rows + " rows, expected "
                                + copied.get(table), null);
                    }
                }
                target.commit();
                return copied;
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            } finally {
                source.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot copy " + sqliteFile + " to PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The store's tables, each after the tables its foreign keys point to. */
    static List<String> inParentOrder(Connection source) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try (var statement = source.createStatement();
                var rows = statement.executeQuery("""
                        SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                          AND name <> 'flyway_schema_history' ORDER BY name""")) {
            while (rows.next()) {
                parents.put(rows.getString(1), new HashSet<>());
            }
        }
        for (var entry : parents.entrySet()) {
            try (var statement = source.createStatement();
                    var rows = statement.executeQuery("PRAGMA foreign_key_list(" + quoted(entry.getKey()) + ")")) {
                while (rows.next()) {
                    String parent = rows.getString("table");
                    if (!parent.equals(entry.getKey())) {
                        entry.getValue().add(parent);
                    }
                }
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        while (ordered.size() < parents.size()) {
            int before = ordered.size();
            for (var entry : parents.entrySet()) {
                if (!ordered.contains(entry.getKey()) && ordered.containsAll(entry.getValue())) {
                    ordered.add(entry.getKey());
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("foreign keys form a cycle among " + parents.keySet());
            }
        }
        return new ArrayList<>(ordered);
    }

    private static void refuseIfNotEmpty(Connection target, List<String> tables) throws SQLException {
        List<String> filled = new ArrayList<>();
        for (String table : tables) {
            long rows = count(target, table);
            if (rows > 0 && !(table.equals("sync_health") && rows == 1 && neverSynced(target))) {
                filled.add(table + " (" + rows + ")");
            }
        }
        if (!filled.isEmpty()) {
            throw new IllegalStateException("the PostgreSQL database already holds data: " + String.join(", ", filled)
                    + "; copy into an empty one");
        }
    }

    private static boolean neverSynced(Connection target) throws SQLException {
        try (var statement = target.createStatement();
                var rows = statement.executeQuery(
                        "SELECT count(*) FROM sync_health WHERE last_attempt_at IS NULL AND last_success_at IS NULL")) {
            rows.next();
            return rows.getLong(1) == 1;
        }
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        try (var statement = source.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + quoted(table))) {
            var meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                names.add(quoted(meta.getColumnName(i)));
            }
            String insert = "INSERT INTO " + quoted(table) + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
            long copied = 0;
            try (PreparedStatement write = target.prepareStatement(insert)) {
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        Object value = rows.getObject(i);
                        if (value instanceof Integer || value instanceof Long) {
                            write.setLong(i, ((Number) value).longValue());
                        } else {
                            write.setObject(i, value);
                        }
                    }
                    write.addBatch();
                    if (++copied % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
            return copied;
        }
    }

    /** Moves an identity column's counter past the copied ids, so the next insert does not collide. */
    private static void resetIdentity(Connection target, String table) throws SQLException {
        try (var statement = target.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND is_identity = 'YES'""")) {
            statement.setString(1, table);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getString(1);
                    try (var reset = target.createStatement()) {
                        reset.execute("SELECT setval(pg_get_serial_sequence(" + literal(quoted(table)) + ", "
                                + literal(column) + "), coalesce((SELECT max(" + quoted(column) + ") FROM " + quoted(table)
                                + "), 0) + 1, false)");
                    }
                }
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM " + quoted(table))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** An identifier as SQL writes it, whatever the file names its tables and columns. */
    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
