package dev.sietch.store.internal.legacy;

import dev.sietch.store.LegacyImport;
import dev.sietch.store.internal.legacy.LegacyValues.Rejected;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Copies the imported database's tables row by row inside the import's write transaction, keeping what
 * happened to each table: a row refused (by {@link LegacyValues} or by a constraint of this
 * database) is undone alone and named; a failing database or a failing read aborts the import.
 */
final class LegacyCopy {

    private static final String ROW = "legacy_row";

    private final Connection source;
    private final Handle target;
    private final Set<String> tables;
    private final List<LegacyImport.Table> results = new ArrayList<>();

    LegacyCopy(Connection source, Handle target, Set<String> tables) {
        this.source = source;
        this.target = target;
        this.tables = tables;
    }

    /** A read of the imported file failed inside the write transaction (rolled back). */
    static final class LegacyReadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LegacyReadFailure(SQLException cause) {
            super(cause);
        }
    }

    @FunctionalInterface
    interface RowImport {
        /** Writes the row (returns true) or leaves it out (returns false, after adding a note). */
        boolean apply(ResultSet row, List<String> notes) throws SQLException, Rejected;
    }

    Connection source() {
        return source;
    }

    List<LegacyImport.Table> results() {
        return results;
    }

    List<String> skipped() {
        List<String> skipped = new ArrayList<>();
        skip(skipped, "eligibility_snapshots", "rankings are recomputed from the chain; the first sync announces nothing");
        skip(skipped, "current_eligibility", "rankings are recomputed from the chain; the first sync announces nothing");
        skip(skipped, "health_status", "sync health starts again with the first sync");
        skip(skipped, "cached_claim_events", "never used by the predecessor; events are indexed from the chain");
        skip(skipped, "cached_burn_events", "never used by the predecessor; events are indexed from the chain");
        skip(skipped, "badges", "the badge catalogue is built in (same ids)");
        skip(skipped, "member_perks", "never used by the predecessor");
        skip(skipped, "threshold_snapshots", "threshold history belongs to syncs; it starts again with the first sync");
        return skipped;
    }

    private void skip(List<String> skipped, String table, String reason) {
        if (tables.contains(table)) {
            skipped.add(table + " (" + count(table) + " rows): " + reason);
        }
    }

    private long count(String table) {
        try (var statement = source.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new LegacyReadFailure(e);
        }
    }

    /** Copies the rows {@code query} reads from {@code from}, if the imported database has that table. */
    void copy(String from, String to, String query, RowImport rowImport) {
        if (!tables.contains(from)) {
            return;
        }
        int read = 0;
        int imported = 0;
        List<String> notes = new ArrayList<>();
        try (var statement = source.createStatement(); var rows = statement.executeQuery(query)) {
            while (rows.next()) {
                read++;
                // a savepoint per row: a refused row is undone alone (PostgreSQL would otherwise
                // refuse every later statement of the transaction)
                target.savepoint(ROW);
                try {
                    if (rowImport.apply(rows, notes)) {
                        imported++;
                    }
                    target.release(ROW);
                } catch (Rejected e) {
                    target.rollbackToSavepoint(ROW);
                    notes.add(from + " row " + read + ": " + e.getMessage() + "; left out");
                } catch (UnableToExecuteStatementException e) {
                    if (!constraintViolation(e)) {
                        throw e; // a failing database, not a row it refuses: nothing is imported
                    }
                    target.rollbackToSavepoint(ROW);
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    notes.add(from + " row " + read + ": refused by the database (" + cause.getMessage() + "); left out");
                }
            }
        } catch (SQLException e) {
            throw new LegacyReadFailure(e);
        }
        results.add(new LegacyImport.Table(from, to, read, imported, notes));
    }

    Set<String> columns(String table) {
        Set<String> names = new HashSet<>();
        try (var statement = source.createStatement();
                var rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        } catch (SQLException e) {
            throw new LegacyReadFailure(e);
        }
        return names;
    }

    /** A row the database refuses (a constraint), as opposed to the database failing. */
    private static boolean constraintViolation(UnableToExecuteStatementException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // PostgreSQL: class 23, integrity constraint violation; SQLite: SQLITE_CONSTRAINT (19)
                return (state != null && state.startsWith("23")) || (sql.getErrorCode() & 0xff) == 19;
            }
        }
        return false;
    }
}
