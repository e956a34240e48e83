package dev.sietch.store.internal;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** Jdbi SQL objects; each returns row records or counts. */
public final class Daos {

    private Daos() {}

    @RegisterConstructorMapper(Rows.SyncHealthRow.class)
    interface SyncHealthDao {
        @SqlQuery("""
                SELECT last_success_at, last_attempt_at, consecutive_failures, failing_since, in_grace_period
                FROM sync_health WHERE id = 1""")
        Optional<Rows.SyncHealthRow> find();

        @SqlUpdate("""
                UPDATE sync_health SET last_success_at = :lastSuccessAt, last_attempt_at = :lastAttemptAt,
                    consecutive_failures = :failures, failing_since = :failingSince, in_grace_period = :grace
                WHERE id = 1""")
        int update(@Bind("lastSuccessAt") @Nullable String lastSuccessAt,
                @Bind("lastAttemptAt") @Nullable String lastAttemptAt, @Bind("failures") int failures,
                @Bind("failingSince") @Nullable String failingSince, @Bind("grace") int grace);
    }

    @RegisterConstructorMapper(Rows.RankingRow.class)
    interface RankingDao {
        @SqlQuery("SELECT wallet, rank, held, role, member FROM current_ranking WHERE wallet = :wallet")
        Optional<Rows.RankingRow> find(@Bind("wallet") String wallet);

        @SqlQuery("SELECT wallet, rank, held, role, member FROM current_ranking WHERE rank <= :last ORDER BY rank")
        List<Rows.RankingRow> upToRank(@Bind("last") int last);

        @SqlQuery("SELECT wallet, rank, held, role, member FROM current_ranking WHERE member = 1 ORDER BY rank")
        List<Rows.RankingRow> members();

        @SqlQuery("SELECT wallet, rank, held, role, member FROM current_ranking ORDER BY rank")
        List<Rows.RankingRow> all();

        @SqlQuery("SELECT max(id) FROM eligibility_sync")
        Optional<Long> lastSyncId();
    }

    @RegisterConstructorMapper(Rows.OverrideRow.class)
    interface OverrideDao {
        @SqlUpdate("""
                INSERT INTO admin_override (wallet, action, reason, created_by, created_at, expires_at)
                VALUES (:wallet, :action, :reason, :createdBy, :createdAt, :expiresAt)""")
        @GetGeneratedKeys("id")
        long insert(@Bind("wallet") String wallet, @Bind("action") String action, @Bind("reason") String reason,
                @Bind("createdBy") String createdBy, @Bind("createdAt") String createdAt,
                @Bind("expiresAt") @Nullable String expiresAt);

        @SqlUpdate("UPDATE admin_override SET active = 0 WHERE id = :id AND active = 1")
        int deactivate(@Bind("id") long id);

        @SqlQuery("""
                SELECT id, wallet, action, reason, created_by, created_at, expires_at, active
                FROM admin_override WHERE active = 1 ORDER BY id DESC""")
        List<Rows.OverrideRow> active();

        @SqlQuery("""
                SELECT id, wallet, action, reason, created_by, created_at, expires_at, active
                FROM admin_override WHERE id = :id""")
        Optional<Rows.OverrideRow> find(@Bind("id") long id);
    }

    @RegisterConstructorMapper(Rows.OutboxRow.class)
    interface OutboxDao {
        String COLUMNS = """
                id, sync_id, kind, wallet, rank, previous_rank, role, previous_role, reason, held,
                    created_at, attempts, direct_message""";

        @SqlQuery("SELECT " + COLUMNS + " FROM outbox WHERE delivered_at IS NULL ORDER BY id LIMIT :limit")
        List<Rows.OutboxRow> pending(@Bind("limit") int limit);

        @SqlQuery("SELECT " + COLUMNS + """
                 FROM outbox WHERE delivered_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
                ORDER BY id LIMIT :limit""")
        List<Rows.OutboxRow> due(@Bind("now") String now, @Bind("limit") int limit);

        @SqlQuery("SELECT count(*) FROM outbox WHERE delivered_at IS NULL")
        long pendingCount();

        @SqlUpdate("""
                UPDATE outbox SET direct_message = :outcome, direct_message_at = :at
                WHERE id = :id AND direct_message IS NULL""")
        int markDirectMessage(@Bind("id") long id, @Bind("outcome") String outcome, @Bind("at") String at);

        @SqlUpdate("UPDATE outbox SET delivered_at = :at, attempts = attempts + 1 WHERE id = :id AND delivered_at IS NULL")
        int markDelivered(@Bind("id") long id, @Bind("at") String at);

        @SqlUpdate("""
                UPDATE outbox SET attempts = attempts + 1, last_error = :error, next_attempt_at = :retryAt
                WHERE id = :id AND delivered_at IS NULL""")
        int markFailed(@Bind("id") long id, @Bind("error") String error, @Bind("retryAt") String retryAt);
    }

    public interface BotStateDao {
        @SqlQuery("SELECT value FROM bot_state WHERE key = :key")
        Optional<String> get(@Bind("key") String key);

        @SqlUpdate("""
                INSERT INTO bot_state (key, value, updated_at) VALUES (:key, :value, :at)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""")
        int put(@Bind("key") String key, @Bind("value") String value, @Bind("at") String at);

        @SqlUpdate("INSERT INTO bot_state (key, value, updated_at) VALUES (:key, :value, :at) ON CONFLICT (key) DO NOTHING")
        int create(@Bind("key") String key, @Bind("value") String value, @Bind("at") String at);

        @SqlUpdate("UPDATE bot_state SET value = :value, updated_at = :at WHERE key = :key AND value = :expected")
        int replace(@Bind("key") String key, @Bind("expected") String expected, @Bind("value") String value,
                @Bind("at") String at);
    }
}
