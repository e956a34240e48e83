package dev.sietch.store.internal.notifications;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** alert_history: every alert recorded or queued, and how its delivery went. */
@RegisterConstructorMapper(AlertDao.AlertRow.class)
@RegisterConstructorMapper(AlertDao.PendingRow.class)
@RegisterConstructorMapper(AlertDao.DeliveryRow.class)
@RegisterConstructorMapper(AlertDao.TypeCount.class)
interface AlertDao {

    String ALERT = "SELECT id, recipient_id, alert_type, delivered, delivery_error, sent_at, alert_data FROM alert_history";

    record AlertRow(long id, String recipientId, String alertType, boolean delivered, @Nullable String deliveryError,
            String sentAt, String alertData) {}

    record PendingRow(long id, String recipientId, String recipientType, String alertType, String alertData,
            int attempts) {}

    record DeliveryRow(String recipientId, String recipientType, String alertType) {}

    record TypeCount(String alertType, long alerts) {}

    @SqlQuery(ALERT + """
             WHERE recipient_id = :id AND (CAST(:type AS TEXT) IS NULL OR alert_type = :type)
            ORDER BY id DESC LIMIT :limit""")
    List<AlertRow> history(@Bind("id") String recipientId, @Bind("type") @Nullable String type, @Bind("limit") int limit);

    @SqlQuery(ALERT + " WHERE id = :id")
    AlertRow find(@Bind("id") long id);

    @SqlQuery("SELECT count(*) FROM alert_history")
    long total();

    @SqlQuery("SELECT count(*) FROM alert_history WHERE sent_at >= :start")
    long sentSince(@Bind("start") String start);

    @SqlQuery("SELECT count(*) FROM alert_history WHERE delivered = 1")
    long delivered();

    @SqlQuery("SELECT alert_type, count(*) AS alerts FROM alert_history GROUP BY alert_type ORDER BY alert_type")
    List<TypeCount> byType();

    @SqlUpdate("""
            INSERT INTO alert_history (recipient_id, recipient_type, alert_type, alert_data, delivered,
                delivery_error, sent_at)
            VALUES (:recipient, :kind, :type, :data, :delivered, :error, :at)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("recipient") String recipientId, @Bind("kind") String recipientType, @Bind("type") String type,
            @Bind("data") String dataJson, @Bind("delivered") int delivered, @Bind("error") @Nullable String error,
            @Bind("at") String at);

    @SqlQuery("""
            SELECT id, recipient_id, recipient_type, alert_type, alert_data, attempts FROM alert_history
            WHERE delivered = 0 AND delivery_error IS NULL
              AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
            ORDER BY id LIMIT :limit""")
    List<PendingRow> due(@Bind("now") String now, @Bind("limit") int limit);

    @SqlQuery("SELECT recipient_id, recipient_type, alert_type FROM alert_history WHERE id = :id AND delivered = 0")
    Optional<DeliveryRow> undelivered(@Bind("id") long alertId);

    @SqlUpdate("UPDATE alert_history SET delivered = 1, delivery_error = NULL, next_attempt_at = NULL WHERE id = :id")
    int markDelivered(@Bind("id") long alertId);

    /** The waitlist registration an eligibility alert was queued for counts as notified when it is delivered. */
    @SqlUpdate("UPDATE waitlist_registration SET notified_at = :at WHERE alert_id = :id AND notified_at IS NULL")
    int markRegistrationNotified(@Bind("id") long alertId, @Bind("at") String at);

    @SqlUpdate("""
            UPDATE alert_history SET attempts = attempts + 1, next_attempt_at = :retry, delivery_error = :error
            WHERE id = :id AND delivered = 0""")
    int markFailed(@Bind("id") long alertId, @Bind("retry") @Nullable String retryAt,
            @Bind("error") @Nullable String error);
}
