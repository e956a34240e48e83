package dev.sietch.store.internal;

import dev.sietch.core.model.Activity;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.port.ActivityLedger;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** member_activity and the automatic badges of member_badge. */
public final class SqliteActivity implements ActivityLedger {

    private final Database db;

    public SqliteActivity(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Activity> record(DiscordUserId discordUserId, Activity.Kind kind, Instant now, Activity.Settings settings) {
        return db.write(h -> {
            var dao = h.attach(ActivityDao.class);
            Optional<ActivityDao.MemberRow> member = dao.onboardedMember(discordUserId.wire());
            if (member.isEmpty()) {
                return Optional.<Activity>empty();
            }
            String memberId = member.get().memberId();
            Activity before = dao.find(memberId).map(SqliteActivity::activity)
                    .orElse(Activity.none(Timestamps.parse(member.get().createdAt())));
            Optional<Activity> after = before.record(kind, now, settings);
            after.ifPresent(a -> save(dao, memberId, a));
            return after;
        });
    }

    @Override
    public Optional<MemberId> memberId(DiscordUserId discordUserId) {
        return db.read(h -> h.attach(ActivityDao.class).onboardedMember(discordUserId.wire()).map(row -> new MemberId(row.memberId())));
    }

    @Override
    public Optional<Activity> current(MemberId memberId, Instant now, Activity.Settings settings) {
        return db.read(h -> h.attach(ActivityDao.class).find(memberId.value()).map(SqliteActivity::activity))
                .map(a -> a.decayed(now, settings));
    }

    @Override
    public int decayAll(Instant now, Activity.Settings settings) {
        return db.write(h -> {
            var dao = h.attach(ActivityDao.class);
            int dropped = 0;
            for (String memberId : dao.withBalance()) {
                Activity before = dao.find(memberId).map(SqliteActivity::activity).orElseThrow();
                Activity after = before.decayed(now, settings);
                if (after != before) {
                    save(dao, memberId, after);
                    if (after.balance() < before.balance()) {
                        dropped++;
                    }
                }
            }
            return dropped;
        });
    }

    @Override
    public Set<Badge> awardAutomatic(MemberId memberId, Set<Badge> badges, Instant at) {
        String now = Timestamps.format(at);
        return db.write(h -> {
            var dao = h.attach(ActivityDao.class);
            var awarded = EnumSet.noneOf(Badge.class);
            for (Badge badge : badges) {
                if (dao.awardAutomatic(memberId.value(), badge.id(), now, "Earned: " + badge.description()) == 1) {
                    awarded.add(badge);
                    var data = new LinkedHashMap<String, Object>();
                    data.put("memberId", memberId.value());
                    data.put("badgeId", badge.id());
                    data.put("source", "automatic");
                    AuditWriter.write(h, new AuditEntry("badge_awarded", data), now);
                }
            }
            return awarded;
        });
    }

    private static void save(ActivityDao dao, String memberId, Activity a) {
        dao.save(memberId, a.balance(), a.peak(), Timestamps.format(a.lastDecayAt()),
                Timestamps.formatOrNull(a.lastActiveAt()), a.messages(), a.reactionsGiven(), a.reactionsReceived(),
                Timestamps.formatOrNull(a.lastMessageCountedAt()), Timestamps.formatOrNull(a.lastReactionCountedAt()));
    }

    private static Activity activity(ActivityDao.ActivityRow row) {
        return new Activity(row.balance(), row.peak(), Timestamps.parse(row.lastDecayAt()), instant(row.lastActiveAt()),
                row.messages(), row.reactionsGiven(), row.reactionsReceived(), instant(row.lastMessageCountedAt()),
                instant(row.lastReactionCountedAt()));
    }

    private static Optional<Instant> instant(@Nullable String stored) {
        return Optional.ofNullable(stored).map(Timestamps::parse);
    }
}
