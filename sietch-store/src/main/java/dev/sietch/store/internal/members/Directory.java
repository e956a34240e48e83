package dev.sietch.store.internal.members;

import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.Members.DirectoryPage;
import dev.sietch.core.port.Members.DirectoryQuery;
import dev.sietch.store.internal.Timestamps;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/** The member directory: its filters and order are chosen per query, so its SQL is built here. */
final class Directory {

    private Directory() {}

    static DirectoryPage page(Handle h, DirectoryQuery q) {
        var where = new StringBuilder(" WHERE p.onboarding_complete = 1");
        q.tier().ifPresent(t -> where.append(" AND p.tier = :tier"));
        q.badgeId().ifPresent(b -> where.append(
                " AND EXISTS (SELECT 1 FROM member_badge mb WHERE mb.member_id = p.member_id AND mb.badge_id = :badge AND mb.revoked = 0)"));
        q.tenure().ifPresent(t -> where.append(switch (t) {
            case OG -> " AND p.created_at < :ogBefore";
            case ELDER -> " AND p.created_at >= :ogBefore AND p.created_at <= :elderBy";
            case VETERAN -> " AND p.created_at >= :ogBefore AND p.created_at > :elderBy AND p.created_at <= :veteranBy";
            case MEMBER -> " AND p.created_at >= :ogBefore AND p.created_at > :veteranBy";
        }));
        String direction = q.descending() ? " DESC" : " ASC";
        String order = switch (q.sort()) {
            case NYM -> " ORDER BY lower(p.nym)" + direction;
            case TENURE -> " ORDER BY p.created_at" + direction;
            case BADGE_COUNT -> " ORDER BY badges" + direction;
        } + ", p.member_id";
        int total = bind(h.createQuery("SELECT count(*) FROM member_profile p" + where), q).mapTo(Integer.class).one();
        List<MemberProfile> page = bind(h.createQuery(MemberDao.PROFILE + where + order + " LIMIT :limit OFFSET :offset"), q)
                .bind("limit", q.pageSize())
                .bind("offset", (long) (q.page() - 1) * q.pageSize())
                .map(ConstructorMapper.of(ProfileRow.class))
                .map(ProfileRow::profile)
                .list();
        return new DirectoryPage(page, total);
    }

    private static Query bind(Query query, DirectoryQuery q) {
        q.tier().ifPresent(t -> query.bind("tier", t.wireName()));
        q.badgeId().ifPresent(b -> query.bind("badge", b));
        if (q.tenure().isPresent()) {
            // og: joined less than 31 whole days after launch; elder/veteran: 180/90 whole days of membership
            query.bind("ogBefore", Timestamps.format(q.launch().plus(Duration.ofDays(31))));
            query.bind("elderBy", Timestamps.format(q.now().minus(Duration.ofDays(180))));
            query.bind("veteranBy", Timestamps.format(q.now().minus(Duration.ofDays(90))));
        }
        return query;
    }
}
