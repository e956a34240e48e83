package dev.sietch.store.internal.legacy;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.store.LegacyImport;
import dev.sietch.store.StoreException;
import dev.sietch.store.internal.AuditWriter;
import dev.sietch.store.internal.Database;
import dev.sietch.store.internal.Timestamps;
import dev.sietch.store.internal.legacy.LegacyCopy.LegacyReadFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConfig;

/**
 * Copies a sietch-service database into this one, in one write transaction: either everything
 * importable arrives or nothing does. The imported file is opened read-only.
 *
 * <p>Rows that cannot be represented (an address that is not one, a time that is not one, a
 * member the row depends on that was not imported) are left out and named in the report; nothing
 * is guessed.
 */
public final class LegacyImporter {

    /** Tables of this database that must be empty: an import starts a deployment, it does not merge. */
    private static final List<String> MUST_BE_EMPTY = List.of("wallet_link", "member_profile", "admin_override",
            "naib_seat", "waitlist_registration", "notification_preference", "alert_history");

    private final Database db;

    public LegacyImporter(Database db) {
        this.db = db;
    }

    public LegacyImport.Report importFrom(Path legacy, LegacyImport.Options options, Instant now) {
        if (!Files.isRegularFile(legacy)) {
            throw new IllegalArgumentException(legacy + ": no such file");
        }
        var config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection source = config.createConnection("jdbc:sqlite:" + legacy.toAbsolutePath())) {
            Set<String> tables = tables(source);
            if (!tables.contains("wallet_mappings") || !tables.contains("audit_log")) {
                throw new IllegalArgumentException(legacy + " is not a sietch-service database "
                        + "(it has no wallet_mappings or audit_log table)");
            }
            return db.write(target -> {
                refuseIfNotEmpty(target);
                var copy = new LegacyCopy(source, target, tables);
                new LegacyTables(copy, target, options).importAll();
                var report = new LegacyImport.Report(copy.results(), copy.skipped());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("source", legacy.getFileName().toString());
                for (LegacyImport.Table table : report.tables()) {
                    data.put(table.to(), table.imported());
                }
                AuditWriter.write(target, new AuditEntry("legacy_import", data), Timestamps.format(now));
                return report;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read " + legacy + ": " + e.getMessage(), e);
        } catch (LegacyReadFailure e) {
            throw new StoreException("cannot read " + legacy + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void refuseIfNotEmpty(Handle target) {
        List<String> filled = new ArrayList<>();
        for (String table : MUST_BE_EMPTY) {
            long rows = target.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one();
            if (rows > 0) {
                filled.add(table + " (" + rows + ")");
            }
        }
        if (!filled.isEmpty()) {
            throw new IllegalStateException("this database already holds community data: " + String.join(", ", filled)
                    + "; import into a new database");
        }
    }

    private static Set<String> tables(Connection source) throws SQLException {
        Set<String> names = new HashSet<>();
        try (var statement = source.createStatement();
                var rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
