package dev.sietch.store.internal.notifications;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** notification_preference: a member's alert settings and the alerts counted against this week's cap. */
@RegisterConstructorMapper(PreferenceDao.PreferenceRow.class)
@RegisterConstructorMapper(PreferenceDao.PreferenceCounts.class)
interface PreferenceDao {

    record PreferenceRow(boolean positionUpdates, boolean atRiskWarnings, boolean naibAlerts, String frequency,
            int alertsSentThisWeek) {}

    record PreferenceCounts(long total, long positionUpdatesOff, long atRiskWarningsOff) {}

    /** Creates the member's row with the given settings (core's defaults), unless it exists. */
    @SqlUpdate("""
            INSERT INTO notification_preference (member_id, position_updates, at_risk_warnings, naib_alerts, frequency,
                created_at, updated_at)
            VALUES (:id, :position, :risk, :naib, :frequency, :at, :at)
            ON CONFLICT (member_id) DO NOTHING""")
    int ensure(@Bind("id") String memberId, @Bind("position") int positionUpdates, @Bind("risk") int atRiskWarnings,
            @Bind("naib") int naibAlerts, @Bind("frequency") String frequency, @Bind("at") String at);

    @SqlQuery("""
            SELECT position_updates, at_risk_warnings, naib_alerts, frequency, alerts_sent_this_week
            FROM notification_preference WHERE member_id = :id""")
    PreferenceRow find(@Bind("id") String memberId);

    /** Changes the settings given; a null keeps the column's value. */
    @SqlUpdate("""
            UPDATE notification_preference SET
                position_updates = coalesce(:position, position_updates),
                at_risk_warnings = coalesce(:risk, at_risk_warnings),
                naib_alerts = coalesce(:naib, naib_alerts),
                frequency = coalesce(:frequency, frequency),
                updated_at = :at
            WHERE member_id = :id""")
    int update(@Bind("id") String memberId, @Bind("position") @Nullable Integer positionUpdates,
            @Bind("risk") @Nullable Integer atRiskWarnings, @Bind("naib") @Nullable Integer naibAlerts,
            @Bind("frequency") @Nullable String frequency, @Bind("at") String at);

    @SqlUpdate("UPDATE notification_preference SET alerts_sent_this_week = alerts_sent_this_week + 1 WHERE member_id = :id")
    int countSent(@Bind("id") String memberId);

    @SqlUpdate("UPDATE notification_preference SET alerts_sent_this_week = 0, updated_at = :at")
    int resetCounters(@Bind("at") String at);

    @SqlQuery("""
            SELECT count(*) AS total, count(*) FILTER (WHERE position_updates = 0) AS position_updates_off,
                count(*) FILTER (WHERE at_risk_warnings = 0) AS at_risk_warnings_off
            FROM notification_preference""")
    PreferenceCounts counts();
}
