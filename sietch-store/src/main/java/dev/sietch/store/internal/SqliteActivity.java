package dev.sietch.store.internal;

import dev.sietch.core.model.Activity;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.Badge;
import dev.sietch.core.port.ActivityLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** member_activity and the automatic badges of member_badge. */
public final class SqliteActivity implements ActivityLedger {

    private static final String COLUMNS = """
            balance, peak, last_decay_at, last_active_at, messages, reactions_given, reactions_received,
                last_message_counted_at, last_reaction_counted_at""";

    private final Database db;

    public SqliteActivity(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Activity> record(String discordUserId, Activity.Kind kind, Instant now, Activity.Settings settings) {
        return db.write(h -> {
            Optional<Member> member = h.createQuery("""
                            SELECT member_id, created_at FROM member_profile
                            WHERE discord_user_id = :id AND onboarding_complete = 1""")
                    .bind("id", discordUserId)
                    .map((rs, ctx) -> new Member(rs.getString(1), Timestamps.parse(rs.getString(2)))).findOne();
            if (member.isEmpty()) {
                return Optional.<Activity>empty();
            }
            Activity before = load(h, member.get().id()).orElse(Activity.none(member.get().since()));
            Optional<Activity> after = before.record(kind, now, settings);
            after.ifPresent(a -> save(h, member.get().id(), a));
            return after;
        });
    }

    private record Member(String id, Instant since) {}

    @Override
    public Optional<String> memberId(String discordUserId) {
        return db.read(h -> h.createQuery("""
                        SELECT member_id FROM member_profile WHERE discord_user_id = :id AND onboarding_complete = 1""")
                .bind("id", discordUserId).mapTo(String.class).findOne());
    }

    @Override
    public Optional<Activity> current(String memberId, Instant now, Activity.Settings settings) {
        return db.read(h -> load(h, memberId)).map(a -> a.decayed(now, settings));
    }

    @Override
    public int decayAll(Instant now, Activity.Settings settings) {
        return db.write(h -> {
            List<String> members = h.createQuery("SELECT member_id FROM member_activity WHERE balance > 0")
                    .mapTo(String.class).list();
            int dropped = 0;
            for (String memberId : members) {
                Activity before = load(h, memberId).orElseThrow();
                Activity after = before.decayed(now, settings);
                if (after != before) {
                    save(h, memberId, after);
                    if (after.balance() < before.balance()) {
                        dropped++;
                    }
                }
            }
            return dropped;
        });
    }

    @Override
    public Set<Badge> awardAutomatic(String memberId, Set<Badge> badges, Instant at) {
        String now = Timestamps.format(at);
        return db.write(h -> {
            var awarded = EnumSet.noneOf(Badge.class);
            for (Badge badge : badges) {
                // DO NOTHING on any existing row, revoked or not: a revoked badge stays revoked
                int inserted = h.createUpdate("""
                                INSERT INTO member_badge (member_id, badge_id, awarded_at, awarded_by, award_reason)
                                SELECT :member, :badge, :at, 'system', :reason
                                WHERE EXISTS (SELECT 1 FROM member_profile WHERE member_id = :member)
                                ON CONFLICT (member_id, badge_id) DO NOTHING""")
                        .bind("member", memberId).bind("badge", badge.id()).bind("at", now)
                        .bind("reason", "Earned: " + badge.description()).execute();
                if (inserted == 1) {
                    awarded.add(badge);
                    var data = new LinkedHashMap<String, Object>();
                    data.put("memberId", memberId);
                    data.put("badgeId", badge.id());
                    data.put("source", "automatic");
                    AuditWriter.write(h, new AuditEntry("badge_awarded", data), now);
                }
            }
            return awarded;
        });
    }

    private static Optional<Activity> load(Handle h, String memberId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM member_activity WHERE member_id = :id").bind("id", memberId)
                .map((rs, ctx) -> activity(rs)).findOne();
    }

    private static void save(Handle h, String memberId, Activity a) {
        h.createUpdate("INSERT INTO member_activity (member_id, " + COLUMNS + """
                        ) VALUES (:id, :balance, :peak, :decay, :active, :messages, :given, :received, :lastMessage,
                            :lastReaction)
                        ON CONFLICT (member_id) DO UPDATE SET balance = excluded.balance, peak = excluded.peak,
                            last_decay_at = excluded.last_decay_at, last_active_at = excluded.last_active_at,
                            messages = excluded.messages, reactions_given = excluded.reactions_given,
                            reactions_received = excluded.reactions_received,
                            last_message_counted_at = excluded.last_message_counted_at,
                            last_reaction_counted_at = excluded.last_reaction_counted_at""")
                .bind("id", memberId).bind("balance", a.balance()).bind("peak", a.peak())
                .bind("decay", Timestamps.format(a.lastDecayAt()))
                .bind("active", Timestamps.formatOrNull(a.lastActiveAt()))
                .bind("messages", a.messages()).bind("given", a.reactionsGiven()).bind("received", a.reactionsReceived())
                .bind("lastMessage", Timestamps.formatOrNull(a.lastMessageCountedAt()))
                .bind("lastReaction", Timestamps.formatOrNull(a.lastReactionCountedAt()))
                .execute();
    }

    private static Activity activity(ResultSet rs) throws SQLException {
        return new Activity(rs.getDouble(1), rs.getDouble(2), Timestamps.parse(rs.getString(3)), instant(rs, 4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), instant(rs, 8), instant(rs, 9));
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getString(column)).map(Timestamps::parse);
    }
}
