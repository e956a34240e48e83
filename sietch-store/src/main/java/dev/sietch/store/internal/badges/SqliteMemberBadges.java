package dev.sietch.store.internal.badges;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.Badge;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.store.internal.AuditWriter;
import dev.sietch.store.internal.Database;
import dev.sietch.store.internal.Timestamps;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Badges awarded and revoked by administrators (member_badge); each change writes its audit row. */
public final class SqliteMemberBadges implements MemberBadges {

    private final Database db;

    public SqliteMemberBadges(Database db) {
        this.db = db;
    }

    @Override
    public List<Held> held(MemberId memberId) {
        var rows = db.read(h -> h.attach(BadgeDao.class).held(memberId.value()));
        return rows.stream()
                .flatMap(row -> Badge.byId(row.badgeId()).map(b -> new Held(b, Timestamps.parse(row.awardedAt()))).stream())
                .sorted(Comparator.comparingInt(held -> Badge.CATALOGUE.indexOf(held.badge()))).toList();
    }

    @Override
    public AwardResult award(MemberId memberId, Badge badge, String awardedBy, Optional<String> reason, String adminName,
            Instant at) {
        String now = Timestamps.format(at);
        return db.write(h -> {
            var dao = h.attach(BadgeDao.class);
            if (dao.profiles(memberId.value()) == 0) {
                return AwardResult.NO_SUCH_MEMBER;
            }
            if (dao.award(memberId.value(), badge.id(), now, awardedBy, reason.orElse("Admin API award")) == 0) {
                return AwardResult.ALREADY_HELD;
            }
            var data = new LinkedHashMap<String, Object>();
            data.put("memberId", memberId.value());
            data.put("badgeId", badge.id());
            data.put("awardedBy", awardedBy);
            data.put("reason", reason.orElse(null));
            data.put("adminName", adminName);
            AuditWriter.write(h, new AuditEntry("admin_badge_award", data), now);
            return AwardResult.AWARDED;
        });
    }

    @Override
    public boolean revoke(MemberId memberId, String badgeId, String revokedBy, Instant at) {
        String now = Timestamps.format(at);
        return db.write(h -> {
            if (h.attach(BadgeDao.class).revoke(memberId.value(), badgeId, now, revokedBy) == 0) {
                return false;
            }
            var data = new LinkedHashMap<String, Object>();
            data.put("memberId", memberId.value());
            data.put("badgeId", badgeId);
            data.put("revokedBy", revokedBy);
            AuditWriter.write(h, new AuditEntry("admin_badge_revoke", data), now);
            return true;
        });
    }
}
