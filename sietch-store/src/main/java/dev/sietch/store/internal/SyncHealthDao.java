package dev.sietch.store.internal;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(SyncHealthRow.class)
interface SyncHealthDao {

    @SqlQuery("SELECT last_success_at, in_grace_period FROM sync_health WHERE id = 1")
    Optional<SyncHealthRow> find();
}
