package dev.sietch.store.internal;

import dev.sietch.core.model.AuditEntry;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The one writer of audit_log rows. Each call runs on the handle of the change it records, so the
 * change and its audit row commit together or not at all.
 */
public final class AuditWriter {

    private AuditWriter() {}

    /** Writes {@code entries}, all at {@code at} (a stored time, see {@link Timestamps}). */
    public static void write(Handle handle, List<AuditEntry> entries, String at) {
        if (entries.isEmpty()) {
            return;
        }
        handle.attach(AuditDao.class).insert(entries.stream().map(AuditEntry::type).toList(),
                entries.stream().map(entry -> AuditJson.object(entry.data())).toList(), at);
    }

    public static void write(Handle handle, AuditEntry entry, String at) {
        write(handle, List.of(entry), at);
    }

    /** Writes a row whose data is JSON already (one copied from another database). */
    public static void copy(Handle handle, String type, String dataJson, String at) {
        handle.attach(AuditDao.class).insert(type, dataJson, at);
    }
}
