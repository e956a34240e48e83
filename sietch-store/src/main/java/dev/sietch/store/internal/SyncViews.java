package dev.sietch.store.internal;

import dev.sietch.core.model.AlertCounters;
import dev.sietch.core.model.AlertFrequency;
import dev.sietch.core.model.AlertPreferences;
import dev.sietch.core.model.AlertType;
import dev.sietch.core.model.CommunityView;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.WalletAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads the {@link CommunityView} inside the sync's transaction, after the new ranking is written. */
final class SyncViews {

    private SyncViews() {}

    static CommunityView read(Handle h, Instant weekStart) {
        var preferences = new HashMap<MemberId, AlertPreferences>();
        h.createQuery("""
                        SELECT member_id, position_updates, at_risk_warnings, naib_alerts, frequency
                        FROM notification_preference""")
                .map((rs, ctx) -> java.util.Map.entry(new MemberId(rs.getString(1)), new AlertPreferences(rs.getInt(2) == 1,
                        rs.getInt(3) == 1, rs.getInt(4) == 1,
                        AlertFrequency.of(rs.getString(5)).orElse(AlertFrequency.DEFAULT))))
                .forEach(e -> preferences.put(e.getKey(), e.getValue()));
        var counters = new HashMap<MemberId, AlertCounters>();
        h.createQuery("""
                        SELECT recipient_id,
                               sum(CASE WHEN sent_at >= :week AND alert_type IN (<capped>) THEN 1 ELSE 0 END),
                               max(CASE WHEN alert_type = :update THEN sent_at END),
                               max(CASE WHEN alert_type = :threat THEN sent_at END)
                        FROM alert_history WHERE recipient_type = 'member' GROUP BY recipient_id""")
                .bind("week", Timestamps.format(weekStart))
                .bindList("capped", AlertType.cappedWireNames())
                .bind("update", AlertType.POSITION_UPDATE.wireName())
                .bind("threat", AlertType.NAIB_THREAT.wireName())
                .map((rs, ctx) -> java.util.Map.entry(new MemberId(rs.getString(1)), new AlertCounters(rs.getInt(2),
                        Optional.ofNullable(rs.getString(3)).map(Timestamps::parse),
                        Optional.ofNullable(rs.getString(4)).map(Timestamps::parse))))
                .forEach(e -> counters.put(e.getKey(), e.getValue()));
        var waitlist = h.createQuery("""
                        SELECT id, discord_user_id, wallet FROM waitlist_registration
                        WHERE active = 1 AND alert_id IS NULL AND notified_at IS NULL ORDER BY id""")
                .map((rs, ctx) -> new CommunityView.WaitlistEntry(rs.getLong(1), DiscordUserId.of(rs.getString(2)),
                        new WalletAddress(rs.getString(3))))
                .list();
        return new CommunityView(SeatReconciler.snapshot(h), preferences, counters, waitlist);
    }
}
