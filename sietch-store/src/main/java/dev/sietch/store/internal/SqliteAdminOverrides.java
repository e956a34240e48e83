package dev.sietch.store.internal;

import dev.sietch.core.model.AdminOverride;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.AdminOverrides;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The admin_override table. */
public final class SqliteAdminOverrides implements AdminOverrides {

    private final SqliteDatabase db;

    public SqliteAdminOverrides(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public AdminOverride create(WalletAddress wallet, AdminOverride.Action action, String reason, String createdBy,
            Instant createdAt, Optional<Instant> expiresAt) {
        return db.write(handle -> {
            var dao = handle.attach(Daos.OverrideDao.class);
            long id = dao.insert(wallet.value(), Mapping.action(action), reason, createdBy,
                    Timestamps.format(createdAt), Timestamps.formatOrNull(expiresAt));
            return Mapping.override(dao.find(id).orElseThrow());
        });
    }

    @Override
    public boolean deactivate(long id) {
        return db.write(handle -> handle.attach(Daos.OverrideDao.class).deactivate(id)) == 1;
    }

    @Override
    public List<AdminOverride> active() {
        return db.read(handle -> handle.attach(Daos.OverrideDao.class).active().stream().map(Mapping::override).toList());
    }
}
