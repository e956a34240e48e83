package dev.sietch.store.internal.notifications;

import dev.sietch.core.model.AlertFrequency;
import dev.sietch.core.model.AlertPreferences;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.QueuedAlert;
import dev.sietch.core.port.Notifications;
import dev.sietch.store.internal.AuditWriter;
import dev.sietch.store.internal.Daos;
import dev.sietch.store.internal.Database;
import dev.sietch.store.internal.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Alert preferences (notification_preference) and the alerts recorded or queued for delivery
 * (alert_history). A delivered alert that is not critical counts against the member's weekly cap.
 */
public final class SqliteNotifications implements Notifications {

    /** bot_state's key for the start of the week the counters were last reset for. */
    private static final String WEEK_KEY = "alerts.week";

    private final Database db;

    public SqliteNotifications(Database db) {
        this.db = db;
    }

    @Override
    public Preferences preferences(MemberId memberId, Instant now) {
        return db.write(h -> {
            var dao = h.attach(PreferenceDao.class);
            ensure(dao, memberId.value(), Timestamps.format(now));
            return preferences(dao.find(memberId.value()));
        });
    }

    @Override
    public Preferences update(MemberId memberId, Change change, Instant now) {
        preferences(memberId, now);
        return db.write(h -> {
            var dao = h.attach(PreferenceDao.class);
            dao.update(memberId.value(), flag(change.positionUpdates()), flag(change.atRiskWarnings()), flag(change.naibAlerts()),
                    change.frequency().map(AlertFrequency::wireName).orElse(null), Timestamps.format(now));
            return preferences(dao.find(memberId.value()));
        });
    }

    private static Preferences preferences(PreferenceDao.PreferenceRow row) {
        return new Preferences(row.positionUpdates(), row.atRiskWarnings(), row.naibAlerts(),
                AlertFrequency.of(row.frequency()).orElseThrow(), row.alertsSentThisWeek());
    }

    @Override
    public List<Alert> history(String recipientId, int limit, Optional<String> type) {
        return db.read(h -> h.attach(AlertDao.class).history(recipientId, type.orElse(null), limit).stream()
                .map(SqliteNotifications::alert).toList());
    }

    @Override
    public Stats stats(Instant weekStart) {
        return db.read(h -> {
            var alerts = h.attach(AlertDao.class);
            long total = alerts.total();
            long week = alerts.sentSince(Timestamps.format(weekStart));
            long delivered = alerts.delivered();
            Map<String, Long> byType = new LinkedHashMap<>();
            alerts.byType().forEach(row -> byType.put(row.alertType(), row.alerts()));
            var prefs = h.attach(PreferenceDao.class).counts();
            return new Stats(total, week, byType, delivered, prefs.total(), prefs.positionUpdatesOff(),
                    prefs.atRiskWarningsOff());
        });
    }

    @Override
    public int resetCounters(String triggeredBy, Instant at) {
        String now = Timestamps.format(at);
        return db.write(h -> {
            int rows = h.attach(PreferenceDao.class).resetCounters(now);
            var data = new LinkedHashMap<String, Object>();
            data.put("membersReset", rows);
            data.put("triggeredBy", triggeredBy);
            AuditWriter.write(h, new AuditEntry("admin_reset_alert_counters", data), now);
            return rows;
        });
    }

    @Override
    public Alert record(NewAlert alert, Instant at) {
        String now = Timestamps.format(at);
        return db.write(h -> {
            var alerts = h.attach(AlertDao.class);
            long id = alerts.insert(alert.recipientId(), alert.member() ? "member" : "waitlist", alert.type(),
                    alert.dataJson(), alert.delivered() ? 1 : 0, alert.deliveryError().orElse(null), now);
            if (alert.testBy().isPresent()) {
                var data = new LinkedHashMap<String, Object>();
                data.put("memberId", alert.recipientId());
                data.put("alertId", id);
                data.put("triggeredBy", alert.testBy().get());
                AuditWriter.write(h, new AuditEntry("admin_test_alert", data), now);
            }
            if (alert.member() && alert.delivered()) {
                countSent(h, alert.recipientId(), now);
            }
            return alert(alerts.find(id));
        });
    }

    @Override
    public Optional<Integer> resetWeek(Instant weekStart, Instant at) {
        String week = Timestamps.format(weekStart);
        String now = Timestamps.format(at);
        return db.write(h -> {
            var state = h.attach(Daos.BotStateDao.class);
            Optional<String> last = state.get(WEEK_KEY);
            if (last.isPresent() && last.get().compareTo(week) >= 0) {
                return Optional.<Integer>empty();
            }
            int rows = h.attach(PreferenceDao.class).resetCounters(now);
            state.put(WEEK_KEY, week, now);
            var data = new LinkedHashMap<String, Object>();
            data.put("weekStart", week);
            data.put("membersReset", rows);
            AuditWriter.write(h, new AuditEntry("weekly_reset", data), now);
            return Optional.of(rows);
        });
    }

    @Override
    public List<Pending> due(Instant now, int limit) {
        return db.read(h -> h.attach(AlertDao.class).due(Timestamps.format(now), limit).stream()
                .map(row -> new Pending(row.id(), recipient(row), row.alertType(), row.alertData(), row.attempts()))
                .toList());
    }

    @Override
    public void markDelivered(long alertId, Instant at) {
        String now = Timestamps.format(at);
        db.write(h -> {
            var alerts = h.attach(AlertDao.class);
            var alert = alerts.undelivered(alertId);
            if (alert.isEmpty()) {
                return null; // delivered already
            }
            alerts.markDelivered(alertId);
            alerts.markRegistrationNotified(alertId, now);
            String recipient = alert.get().recipientId();
            String type = alert.get().alertType();
            if (alert.get().recipientType().equals("member") && !CRITICAL.contains(type)) {
                countSent(h, recipient, now);
            }
            var data = new LinkedHashMap<String, Object>();
            data.put("actorId", "system");
            data.put("targetId", recipient);
            data.put("alertType", type);
            data.put("alertId", alertId);
            AuditWriter.write(h, new AuditEntry("alert_sent", data), now);
            return null;
        });
    }

    @Override
    public void markFailed(long alertId, String error, Optional<Instant> retryAt, Instant at) {
        db.write(h -> h.attach(AlertDao.class).markFailed(alertId, Timestamps.formatOrNull(retryAt),
                retryAt.isPresent() ? null : error));
    }

    @Override
    public long sentCount() {
        return db.read(h -> h.attach(AlertDao.class).total());
    }

    private static QueuedAlert.Recipient recipient(AlertDao.PendingRow row) {
        return row.recipientType().equals("member") ? new QueuedAlert.ToMember(new MemberId(row.recipientId()))
                : new QueuedAlert.ToWaitlisted(DiscordUserId.of(row.recipientId()));
    }

    /** Counts a delivered alert against the member's weekly cap. */
    private static void countSent(Handle h, String memberId, String at) {
        var dao = h.attach(PreferenceDao.class);
        ensure(dao, memberId, at);
        dao.countSent(memberId);
    }

    /** A member without preferences gets core's defaults ({@link AlertPreferences#DEFAULT}). */
    private static void ensure(PreferenceDao dao, String memberId, String at) {
        AlertPreferences defaults = AlertPreferences.DEFAULT;
        dao.ensure(memberId, defaults.positionUpdates() ? 1 : 0, defaults.atRiskWarnings() ? 1 : 0,
                defaults.naibAlerts() ? 1 : 0, defaults.frequency().wireName(), at);
    }

    private static Alert alert(AlertDao.AlertRow row) {
        return new Alert(row.id(), row.recipientId(), row.alertType(), row.delivered(),
                Optional.ofNullable(row.deliveryError()), Timestamps.parse(row.sentAt()), row.alertData());
    }

    /** A 0/1 flag for an integer column, or null to keep the column's value. */
    private static @Nullable Integer flag(Optional<Boolean> value) {
        return value.map(v -> v ? 1 : 0).orElse(null);
    }
}
