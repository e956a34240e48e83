package dev.sietch.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Looks at an SQLite file without changing it (opened read-only, no migration): its integrity, the
 * schema version Sietch's migrations brought it to, and how many rows each table holds. Backups
 * check their snapshot with it, and a restore checks the file before it replaces the database.
 */
public final class DatabaseFile {

    private DatabaseFile() {}

    /**
     * What a check found.
     *
     * @param problems {@code PRAGMA integrity_check}'s complaints (empty when the file is sound), or
     *     why the file could not be read as a database at all
     * @param schemaVersion the newest migration applied, empty if the file is not a Sietch database
     * @param rowCounts rows per table, by table name in name order
     */
    public record Check(List<String> problems, Optional<String> schemaVersion, Map<String, Long> rowCounts) {

        public Check {
            problems = List.copyOf(problems);
            rowCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
        }

        public boolean sound() {
            return problems.isEmpty();
        }
    }

    /** Checks {@code file}; a missing file, or one that is not a database, gives a check with a problem. */
    public static Check check(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Check(List.of(file + ": no such file"), Optional.empty(), Map.of());
        }
        var config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            List<String> problems = new ArrayList<>();
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("PRAGMA integrity_check")) {
                while (rows.next()) {
                    String line = rows.getString(1);
                    if (!"ok".equals(line)) {
                        problems.add(line);
                    }
                }
            }
            List<String> tables = new ArrayList<>();
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery(
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : tables) {
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            Optional<String> version = Optional.empty();
            if (tables.contains("flyway_schema_history")) {
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("""
                                SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL
                                ORDER BY installed_rank DESC LIMIT 1""")) {
                    if (rows.next()) {
                        version = Optional.ofNullable(rows.getString(1));
                    }
                }
            }
            return new Check(problems, version, counts);
        } catch (SQLException e) {
            return new Check(List.of(file + ": " + e.getMessage()), Optional.empty(), Map.of());
        }
    }

    /**
     * Writes the WAL's committed pages into the database file and empties the WAL, so the file
     * alone holds the database (before it is moved or copied as a file).
     *
     * @throws StoreException if the checkpoint cannot complete (another connection is reading)
     */
    public static void checkpoint(Path file) {
        try (Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rows.next() && rows.getInt(1) != 0) {
                throw new StoreException("cannot checkpoint " + file + ": the database is busy", null);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
