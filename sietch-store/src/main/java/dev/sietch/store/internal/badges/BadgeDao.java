package dev.sietch.store.internal.badges;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** member_badge: a badge a member holds, or held until it was revoked. */
@RegisterConstructorMapper(BadgeDao.HeldRow.class)
interface BadgeDao {

    record HeldRow(String badgeId, String awardedAt) {}

    @SqlQuery("SELECT badge_id, awarded_at FROM member_badge WHERE member_id = :id AND revoked = 0")
    List<HeldRow> held(@Bind("id") String memberId);

    @SqlQuery("SELECT count(*) FROM member_profile WHERE member_id = :id")
    int profiles(@Bind("id") String memberId);

    /** Awards the badge, or restores it if revoked; 0 rows if the member holds it. */
    @SqlUpdate("""
            INSERT INTO member_badge (member_id, badge_id, awarded_at, awarded_by, award_reason)
            VALUES (:member, :badge, :at, :by, :reason)
            ON CONFLICT (member_id, badge_id) DO UPDATE SET revoked = 0, revoked_at = NULL, revoked_by = NULL,
                awarded_at = excluded.awarded_at, awarded_by = excluded.awarded_by, award_reason = excluded.award_reason
            WHERE member_badge.revoked = 1""")
    int award(@Bind("member") String memberId, @Bind("badge") String badgeId, @Bind("at") String at,
            @Bind("by") String awardedBy, @Bind("reason") String reason);

    @SqlUpdate("""
            UPDATE member_badge SET revoked = 1, revoked_at = :at, revoked_by = :by
            WHERE member_id = :member AND badge_id = :badge AND revoked = 0""")
    int revoke(@Bind("member") String memberId, @Bind("badge") String badgeId, @Bind("at") String at,
            @Bind("by") String revokedBy);
}
