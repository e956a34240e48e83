package dev.sietch.store.internal;

import dev.sietch.core.model.AdminOverride;
import dev.sietch.core.port.AdminOverrides;
import java.time.Instant;
import java.util.List;

/** The admin_override table; every change writes its audit row in the same transaction. */
public final class SqliteAdminOverrides implements AdminOverrides {

    private final Database db;

    public SqliteAdminOverrides(Database db) {
        this.db = db;
    }

    @Override
    public AdminOverride create(NewOverride request, Instant at) {
        return db.write(handle -> {
            var dao = handle.attach(Daos.OverrideDao.class);
            String createdAt = Timestamps.format(at);
            long id = dao.insert(request.wallet().value(), Mapping.action(request.action()), request.reason(),
                    request.createdBy(), createdAt, Timestamps.formatOrNull(request.expiresAt()));
            AdminOverride created = Mapping.override(dao.find(id).orElseThrow());
            AuditWriter.write(handle, created.createdAudit(), createdAt);
            return created;
        });
    }

    @Override
    public Deactivation deactivate(long id, String deactivatedBy, Instant at) {
        return db.write(handle -> {
            var dao = handle.attach(Daos.OverrideDao.class);
            if (dao.find(id).isEmpty()) {
                return Deactivation.NOT_FOUND;
            }
            boolean changed = dao.deactivate(id) == 1;
            AuditWriter.write(handle, AdminOverride.deactivatedAudit(id, deactivatedBy),
                    Timestamps.format(at));
            return changed ? Deactivation.DEACTIVATED : Deactivation.ALREADY_INACTIVE;
        });
    }

    @Override
    public List<AdminOverride> active() {
        return db.read(handle -> handle.attach(Daos.OverrideDao.class).active().stream().map(Mapping::override).toList());
    }
}
