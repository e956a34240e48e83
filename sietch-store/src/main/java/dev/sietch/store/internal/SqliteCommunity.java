package dev.sietch.store.internal;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.Badge;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.NaibSeats;
import dev.sietch.core.port.Notifications;
import dev.sietch.core.port.ThresholdHistory;
import dev.sietch.core.port.Waitlist;
import dev.sietch.core.port.WalletLinks;
import dev.sietch.core.port.WalletVerifications;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The community tables (V004): wallet links, profiles, badges, Naib seats, waitlist, threshold
 * history, notification preferences and alerts. Every change that the audit log records is written
 * with its audit row in one transaction.
 */
public final class SqliteCommunity
        implements Members, WalletLinks, WalletVerifications, MemberBadges, NaibSeats, Waitlist, ThresholdHistory,
        Notifications {

    /** A profile row with its count of badges held. */
    private static final String PROFILE = """
            SELECT p.member_id, p.discord_user_id, p.nym, p.bio, p.pfp_url, p.pfp_type, p.tier, p.created_at,
                p.onboarding_complete, p.is_former_naib,
                (SELECT count(*) FROM member_badge b WHERE b.member_id = p.member_id AND b.revoked = 0) AS badges
            FROM member_profile p""";

    private final Database db;

    public SqliteCommunity(Database db) {
        this.db = db;
    }

    // ---- members

    @Override
    public Optional<MemberProfile> byNym(String nym) {
        return db.read(h -> h.createQuery(PROFILE + " WHERE lower(p.nym) = lower(:nym)").bind("nym", nym)
                .map((rs, ctx) -> profile(rs)).findOne());
    }

    @Override
    public Optional<MemberProfile> byId(String memberId) {
        return db.read(h -> h.createQuery(PROFILE + " WHERE p.member_id = :id").bind("id", memberId)
                .map((rs, ctx) -> profile(rs)).findOne());
    }

    @Override
    public Optional<MemberProfile> byDiscordId(String discordUserId) {
        return db.read(h -> h.createQuery(PROFILE + " WHERE p.discord_user_id = :id").bind("id", discordUserId)
                .map((rs, ctx) -> profile(rs)).findOne());
    }

    @Override
    public DirectoryPage directory(DirectoryQuery q) {
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
        return db.read(h -> {
            int total = bindDirectory(h.createQuery("SELECT count(*) FROM member_profile p" + where), q)
                    .mapTo(Integer.class).one();
            List<MemberProfile> page = bindDirectory(h.createQuery(PROFILE + where + order + " LIMIT :limit OFFSET :offset"), q)
                    .bind("limit", q.pageSize())
                    .bind("offset", (long) (q.page() - 1) * q.pageSize())
                    .map((rs, ctx) -> profile(rs)).list();
            return new DirectoryPage(page, total);
        });
    }

    private static Query bindDirectory(Query query, DirectoryQuery q) {
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

    @Override
    public List<MemberProfile> leaderboard(int limit) {
        return db.read(h -> h.createQuery(PROFILE
                        + " WHERE p.onboarding_complete = 1 ORDER BY badges DESC, p.created_at ASC, p.member_id LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> profile(rs)).list());
    }

    @Override
    public int onboardedCount() {
        return db.read(h -> h.createQuery("SELECT count(*) FROM member_profile WHERE onboarding_complete = 1")
                .mapTo(Integer.class).one());
    }

    @Override
    public MemberProfile create(NewProfile profile, Instant at) {
        return insertProfile(profile.discordUserId(), profile.nym(), profile.tier(), profile.bio(), profile.pfpUrl(),
                profile.pfpType(), at, at, "profile_creation");
    }

    @Override
    public MemberProfile createPlaceholder(String discordUserId, String nym, Role tier, Instant memberSince, Instant at) {
        return insertProfile(discordUserId, nym, tier, Optional.empty(), Optional.empty(), "none", memberSince, at,
                "v1_migration");
    }

    private MemberProfile insertProfile(String discordUserId, String nym, Role tier, Optional<String> bio,
            Optional<String> pfpUrl, String pfpType, Instant memberSince, Instant at, String source) {
        String id = UUID.randomUUID().toString();
        String now = Timestamps.format(at);
        db.write(h -> {
            h.createUpdate("""
                    INSERT INTO member_profile (member_id, discord_user_id, nym, bio, pfp_url, pfp_type, tier, created_at,
                        updated_at)
                    VALUES (:id, :discord, :nym, :bio, :pfp, :pfpType, :tier, :since, :at)""")
                    .bind("id", id).bind("discord", discordUserId).bind("nym", nym)
                    .bind("bio", bio.orElse(null)).bind("pfp", pfpUrl.orElse(null))
                    .bind("pfpType", pfpType).bind("tier", tier.wireName())
                    .bind("since", Timestamps.format(memberSince)).bind("at", now)
                    .execute();
            var data = new LinkedHashMap<String, Object>();
            data.put("memberId", id);
            data.put("tier", tier.wireName());
            data.put("source", source);
            AuditWriter.write(h, new AuditEntry("member_added", data), now);
            return null;
        });
        return byId(id).orElseThrow();
    }

    @Override
    public List<MemberProfile> searchNyms(String text, int limit) {
        return db.read(h -> h.createQuery(PROFILE + """
                         WHERE p.onboarding_complete = 1 AND lower(p.nym) LIKE lower(:pattern) ESCAPE '\\'
                        ORDER BY lower(p.nym), p.member_id LIMIT :limit""")
                .bind("pattern", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .bind("limit", limit).map((rs, ctx) -> profile(rs)).list());
    }

    @Override
    public List<MemberProfile> unpromptedPlaceholders(int limit) {
        return db.read(h -> h.createQuery(PROFILE + """
                         WHERE p.onboarding_complete = 0
                          AND NOT EXISTS (SELECT 1 FROM migration_prompt m WHERE m.member_id = p.member_id)
                        ORDER BY p.created_at, p.member_id LIMIT :limit""")
                .bind("limit", limit).map((rs, ctx) -> profile(rs)).list());
    }

    @Override
    public int placeholderCount() {
        return db.read(h -> h.createQuery("SELECT count(*) FROM member_profile WHERE onboarding_complete = 0")
                .mapTo(Integer.class).one());
    }

    @Override
    public void recordPrompt(String memberId, String outcome, Instant at) {
        String now = Timestamps.format(at);
        db.write(h -> {
            h.createUpdate("""
                            INSERT INTO migration_prompt (member_id, prompted_at, outcome) VALUES (:id, :at, :outcome)
                            ON CONFLICT (member_id) DO UPDATE SET prompted_at = excluded.prompted_at,
                                outcome = excluded.outcome""")
                    .bind("id", memberId).bind("at", now).bind("outcome", outcome).execute();
            var data = new LinkedHashMap<String, Object>();
            data.put("memberId", memberId);
            data.put("outcome", outcome);
            AuditWriter.write(h, new AuditEntry("migration_prompt_sent", data), now);
            return null;
        });
    }

    @Override
    public void completeOnboarding(String memberId, Instant at) {
        db.write(h -> h.createUpdate("""
                UPDATE member_profile SET onboarding_complete = 1, onboarding_step = 3, updated_at = :at
                WHERE member_id = :id""").bind("id", memberId).bind("at", Timestamps.format(at)).execute());
    }

    @Override
    public Optional<Instant> nymLastChanged(String memberId) {
        return db.read(h -> h.createQuery("SELECT nym_last_changed FROM member_profile WHERE member_id = :id")
                .bind("id", memberId).mapTo(String.class).findOne().map(Timestamps::parse));
    }

    @Override
    public void changeNym(String memberId, String nym, Instant at) {
        db.write(h -> h.createUpdate("""
                        UPDATE member_profile SET nym = :nym, nym_last_changed = :at, updated_at = :at WHERE member_id = :id""")
                .bind("id", memberId).bind("nym", nym).bind("at", Timestamps.format(at)).execute());
    }

    @Override
    public void changeBio(String memberId, Optional<String> bio, Instant at) {
        db.write(h -> h.createUpdate("UPDATE member_profile SET bio = :bio, updated_at = :at WHERE member_id = :id")
                .bind("id", memberId).bind("bio", bio.orElse(null)).bind("at", Timestamps.format(at)).execute());
    }

    @Override
    public void setPicture(String memberId, String pfpType, Optional<String> pfpUrl, Instant at) {
        if (pfpType.equals("custom")) {
            throw new IllegalArgumentException("a custom picture is stored with setCustomPicture");
        }
        db.write(h -> {
            h.createUpdate("DELETE FROM member_picture WHERE member_id = :id").bind("id", memberId).execute();
            return h.createUpdate("""
                            UPDATE member_profile SET pfp_type = :type, pfp_url = :url, updated_at = :at WHERE member_id = :id""")
                    .bind("id", memberId).bind("type", pfpType).bind("url", pfpUrl.orElse(null))
                    .bind("at", Timestamps.format(at)).execute();
        });
    }

    @Override
    public void setCustomPicture(String memberId, ProfilePicture picture, String url, Instant at) {
        String now = Timestamps.format(at);
        db.write(h -> {
            h.createUpdate("""
                            INSERT INTO member_picture (member_id, webp, size, updated_at) VALUES (:id, :webp, :size, :at)
                            ON CONFLICT (member_id) DO UPDATE SET webp = excluded.webp, size = excluded.size,
                                updated_at = excluded.updated_at""")
                    .bind("id", memberId).bind("webp", picture.webp()).bind("size", picture.size()).bind("at", now)
                    .execute();
            return h.createUpdate("""
                            UPDATE member_profile SET pfp_type = 'custom', pfp_url = :url, updated_at = :at
                            WHERE member_id = :id""")
                    .bind("id", memberId).bind("url", url).bind("at", now).execute();
        });
    }

    @Override
    public Optional<ProfilePicture> customPicture(String memberId) {
        return db.read(h -> h.createQuery("SELECT webp, size FROM member_picture WHERE member_id = :id")
                .bind("id", memberId)
                .map((rs, ctx) -> new ProfilePicture(rs.getBytes(1), rs.getInt(2)))
                .findOne());
    }

    @Override
    public void completePlaceholder(String memberId, String nym, Optional<String> bio, Instant at) {
        db.write(h -> h.createUpdate("""
                        UPDATE member_profile SET nym = :nym, bio = :bio, updated_at = :at
                        WHERE member_id = :id AND onboarding_complete = 0""")
                .bind("id", memberId).bind("nym", nym).bind("bio", bio.orElse(null))
                .bind("at", Timestamps.format(at)).execute());
    }

    private static MemberProfile profile(ResultSet rs) throws SQLException {
        return new MemberProfile(
                rs.getString("member_id"),
                rs.getString("discord_user_id"),
                rs.getString("nym"),
                Optional.ofNullable(rs.getString("bio")),
                Optional.ofNullable(rs.getString("pfp_url")),
                rs.getString("pfp_type"),
                Role.fromWireName(rs.getString("tier")),
                Timestamps.parse(rs.getString("created_at")),
                rs.getInt("onboarding_complete") == 1,
                rs.getInt("is_former_naib") == 1,
                rs.getInt("badges"));
    }

    // ---- wallet links

    @Override
    public void link(String discordUserId, WalletAddress wallet, Instant at) {
        db.write(h -> link(h, discordUserId, wallet, at));
    }

    private static int link(Handle h, String discordUserId, WalletAddress wallet, Instant at) {
        h.createUpdate("DELETE FROM wallet_link WHERE discord_user_id = :id OR wallet = :wallet")
                .bind("id", discordUserId).bind("wallet", wallet.value()).execute();
        return h.createUpdate("INSERT INTO wallet_link (discord_user_id, wallet, linked_at) VALUES (:id, :wallet, :at)")
                .bind("id", discordUserId).bind("wallet", wallet.value()).bind("at", Timestamps.format(at)).execute();
    }

    // ---- wallet verifications

    @Override
    public void create(Challenge challenge) {
        db.write(h -> {
            // challenges expired for a week are of no use, not even for the record (the audit log keeps links)
            h.createUpdate("DELETE FROM wallet_verification WHERE expires_at < :cutoff")
                    .bind("cutoff", Timestamps.format(challenge.createdAt().minus(java.time.Duration.ofDays(7))))
                    .execute();
            return h.createUpdate("""
                            INSERT INTO wallet_verification (nonce, discord_user_id, created_at, expires_at)
                            VALUES (:nonce, :id, :created, :expires)""")
                    .bind("nonce", challenge.nonce()).bind("id", challenge.discordUserId())
                    .bind("created", Timestamps.format(challenge.createdAt()))
                    .bind("expires", Timestamps.format(challenge.expiresAt())).execute();
        });
    }

    @Override
    public Optional<Challenge> find(String nonce) {
        return db.read(h -> h.createQuery("""
                        SELECT nonce, discord_user_id, created_at, expires_at, used_at FROM wallet_verification
                        WHERE nonce = :nonce""")
                .bind("nonce", nonce)
                .map((rs, ctx) -> new Challenge(rs.getString(1), rs.getString(2), Timestamps.parse(rs.getString(3)),
                        Timestamps.parse(rs.getString(4)),
                        Optional.ofNullable(rs.getString(5)).map(Timestamps::parse)))
                .findOne());
    }

    @Override
    public boolean complete(String nonce, WalletAddress wallet, Instant at) {
        return db.write(h -> {
            String now = Timestamps.format(at);
            Optional<String> account = h.createQuery("""
                            UPDATE wallet_verification SET used_at = :now, wallet = :wallet
                            WHERE nonce = :nonce AND used_at IS NULL AND expires_at > :now
                            RETURNING discord_user_id""")
                    .bind("nonce", nonce).bind("wallet", wallet.value()).bind("now", now)
                    .mapTo(String.class).findOne();
            if (account.isEmpty()) {
                return false;
            }
            Optional<String> previous = h.createQuery("SELECT wallet FROM wallet_link WHERE discord_user_id = :id")
                    .bind("id", account.get()).mapTo(String.class).findOne();
            h.createUpdate("UPDATE wallet_verification SET previous_wallet = :previous WHERE nonce = :nonce")
                    .bind("previous", previous.filter(p -> !p.equals(wallet.value())).orElse(null))
                    .bind("nonce", nonce).execute();
            link(h, account.get(), wallet, at);
            var data = new LinkedHashMap<String, Object>();
            data.put("discordUserId", account.get());
            data.put("wallet", wallet.value());
            data.put("previousWallet", previous.orElse(null));
            AuditWriter.write(h, new AuditEntry("wallet_linked", data), now);
            return true;
        });
    }

    @Override
    public List<Completed> unconfirmed(Instant since, int limit) {
        return db.read(h -> h.createQuery("""
                        SELECT nonce, discord_user_id, wallet, previous_wallet FROM wallet_verification
                        WHERE used_at IS NOT NULL AND confirmed_at IS NULL AND used_at > :since
                        ORDER BY used_at, nonce LIMIT :limit""")
                .bind("since", Timestamps.format(since)).bind("limit", limit)
                .map((rs, ctx) -> new Completed(rs.getString(1), rs.getString(2), new WalletAddress(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4)).map(WalletAddress::new)))
                .list());
    }

    @Override
    public boolean claimConfirmation(String nonce, Instant at) {
        return db.write(h -> h.createUpdate("""
                        UPDATE wallet_verification SET confirmed_at = :at
                        WHERE nonce = :nonce AND used_at IS NOT NULL AND confirmed_at IS NULL""")
                .bind("at", Timestamps.format(at)).bind("nonce", nonce).execute() == 1);
    }

    @Override
    public Optional<WalletAddress> walletOf(String discordUserId) {
        return db.read(h -> h.createQuery("SELECT wallet FROM wallet_link WHERE discord_user_id = :id")
                .bind("id", discordUserId).mapTo(String.class).findOne().map(WalletAddress::new));
    }

    @Override
    public Optional<Instant> linkedAt(String discordUserId) {
        return db.read(h -> h.createQuery("SELECT linked_at FROM wallet_link WHERE discord_user_id = :id")
                .bind("id", discordUserId).mapTo(String.class).findOne().map(Timestamps::parse));
    }

    @Override
    public Map<String, WalletAddress> all() {
        return db.read(h -> {
            var links = new LinkedHashMap<String, WalletAddress>();
            h.createQuery("SELECT discord_user_id, wallet FROM wallet_link ORDER BY discord_user_id")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new WalletAddress(rs.getString(2))))
                    .forEach(e -> links.put(e.getKey(), e.getValue()));
            return links;
        });
    }

    // ---- badges

    @Override
    public List<Held> held(String memberId) {
        var held = db.read(h -> h.createQuery("""
                        SELECT badge_id, awarded_at FROM member_badge WHERE member_id = :id AND revoked = 0""")
                .bind("id", memberId)
                .map((rs, ctx) -> {
                    Instant awarded = Timestamps.parse(rs.getString(2));
                    return Badge.byId(rs.getString(1)).map(b -> new Held(b, awarded));
                })
                .list());
        return held.stream().flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparingInt(h -> Badge.CATALOGUE.indexOf(h.badge()))).toList();
    }

    @Override
    public AwardResult award(String memberId, Badge badge, String awardedBy, Optional<String> reason, String adminName,
            Instant at) {
        String now = Timestamps.format(at);
        return db.write(h -> {
            if (h.createQuery("SELECT count(*) FROM member_profile WHERE member_id = :id").bind("id", memberId)
                    .mapTo(Integer.class).one() == 0) {
                return AwardResult.NO_SUCH_MEMBER;
            }
            int changed = h.createUpdate("""
                    INSERT INTO member_badge (member_id, badge_id, awarded_at, awarded_by, award_reason)
                    VALUES (:member, :badge, :at, :by, :reason)
                    ON CONFLICT (member_id, badge_id) DO UPDATE SET revoked = 0, revoked_at = NULL, revoked_by = NULL,
                        awarded_at = excluded.awarded_at, awarded_by = excluded.awarded_by, award_reason = excluded.award_reason
                    WHERE member_badge.revoked = 1""")
                    .bind("member", memberId).bind("badge", badge.id()).bind("at", now).bind("by", awardedBy)
                    .bind("reason", reason.orElse("Admin API award")).execute();
            if (changed == 0) {
                return AwardResult.ALREADY_HELD;
            }
            var data = new LinkedHashMap<String, Object>();
            data.put("memberId", memberId);
            data.put("badgeId", badge.id());
            data.put("awardedBy", awardedBy);
            data.put("reason", reason.orElse(null));
            data.put("adminName", adminName);
            AuditWriter.write(h, new AuditEntry("admin_badge_award", data), now);
            return AwardResult.AWARDED;
        });
    }

    @Override
    public boolean revoke(String memberId, String badgeId, String revokedBy, Instant at) {
        String now = Timestamps.format(at);
        return db.write(h -> {
            int changed = h.createUpdate("""
                    UPDATE member_badge SET revoked = 1, revoked_at = :at, revoked_by = :by
                    WHERE member_id = :member AND badge_id = :badge AND revoked = 0""")
                    .bind("member", memberId).bind("badge", badgeId).bind("at", now).bind("by", revokedBy).execute();
            if (changed == 0) {
                return false;
            }
            var data = new LinkedHashMap<String, Object>();
            data.put("memberId", memberId);
            data.put("badgeId", badgeId);
            data.put("revokedBy", revokedBy);
            AuditWriter.write(h, new AuditEntry("admin_badge_revoke", data), now);
            return true;
        });
    }

    // ---- Naib seats

    private static final String SEAT = """
            SELECT id, seat_number, member_id, seated_at, unseated_at, unseat_reason, bgt_at_seating, bgt_at_unseating
            FROM naib_seat""";

    @Override
    public List<Seat> active() {
        return db.read(h -> h.createQuery(SEAT + " WHERE unseated_at IS NULL ORDER BY seat_number")
                .map((rs, ctx) -> seat(rs)).list());
    }

    @Override
    public List<Seat> history(String memberId) {
        return db.read(h -> h.createQuery(SEAT + " WHERE member_id = :id ORDER BY seated_at DESC, id DESC")
                .bind("id", memberId).map((rs, ctx) -> seat(rs)).list());
    }

    @Override
    public List<Seat> closed() {
        return db.read(h -> h.createQuery(SEAT + " WHERE unseated_at IS NOT NULL ORDER BY seated_at, id")
                .map((rs, ctx) -> seat(rs)).list());
    }

    @Override
    public List<dev.sietch.core.model.NaibCouncil.Change> reconcile(int seats, Instant at) {
        return db.write(h -> SeatReconciler.reconcile(h, seats, at));
    }

    @Override
    public Seat seat(String memberId, int seatNumber, Wei held, Instant at) {
        return db.write(h -> {
            long id = h.createUpdate("""
                    INSERT INTO naib_seat (seat_number, member_id, seated_at, bgt_at_seating)
                    VALUES (:seat, :member, :at, :held)""")
                    .bind("seat", seatNumber).bind("member", memberId).bind("at", Timestamps.format(at))
                    .bind("held", held.toSortableString())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createQuery(SEAT + " WHERE id = :id").bind("id", id).map((rs, ctx) -> seat(rs)).one();
        });
    }

    @Override
    public void unseat(long seatId, String reason, Optional<String> bumpedBy, Wei held, Instant at) {
        db.write(h -> {
            String member = h.createQuery("SELECT member_id FROM naib_seat WHERE id = :id AND unseated_at IS NULL")
                    .bind("id", seatId).mapTo(String.class).findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no occupied seat " + seatId));
            h.createUpdate("""
                    UPDATE naib_seat SET unseated_at = :at, unseat_reason = :reason, bumped_by_member_id = :by,
                        bgt_at_unseating = :held
                    WHERE id = :id""")
                    .bind("id", seatId).bind("at", Timestamps.format(at)).bind("reason", reason)
                    .bind("by", bumpedBy.orElse(null)).bind("held", held.toSortableString()).execute();
            return h.createUpdate("UPDATE member_profile SET is_former_naib = 1 WHERE member_id = :id")
                    .bind("id", member).execute();
        });
    }

    private static Seat seat(ResultSet rs) throws SQLException {
        return new Seat(rs.getLong("id"), rs.getInt("seat_number"), rs.getString("member_id"),
                Timestamps.parse(rs.getString("seated_at")),
                Optional.ofNullable(rs.getString("unseated_at")).map(Timestamps::parse),
                Optional.ofNullable(rs.getString("unseat_reason")),
                Wei.parse(rs.getString("bgt_at_seating")),
                Optional.ofNullable(rs.getString("bgt_at_unseating")).map(Wei::parse));
    }

    // ---- waitlist

    private static final String REGISTRATION = """
            SELECT id, discord_user_id, wallet, position_at_registration, bgt_at_registration, registered_at, notified_at
            FROM waitlist_registration""";

    @Override
    public Optional<Registration> activeFor(WalletAddress wallet) {
        return db.read(h -> h.createQuery(REGISTRATION + " WHERE wallet = :wallet AND active = 1")
                .bind("wallet", wallet.value()).map((rs, ctx) -> registration(rs)).findOne());
    }

    @Override
    public Set<WalletAddress> registered(Collection<WalletAddress> wallets) {
        if (wallets.isEmpty()) {
            return Set.of();
        }
        return db.read(h -> new HashSet<>(h.createQuery(
                        "SELECT wallet FROM waitlist_registration WHERE active = 1 AND wallet IN (<wallets>)")
                .bindList("wallets", wallets.stream().map(WalletAddress::value).toList())
                .mapTo(String.class).map(WalletAddress::new).list()));
    }

    @Override
    public Registration register(String discordUserId, WalletAddress wallet, int position, Wei held, Instant at) {
        return db.write(h -> {
            long id = h.createUpdate("""
                    INSERT INTO waitlist_registration (discord_user_id, wallet, position_at_registration,
                        bgt_at_registration, registered_at)
                    VALUES (:discord, :wallet, :position, :held, :at)""")
                    .bind("discord", discordUserId).bind("wallet", wallet.value()).bind("position", position)
                    .bind("held", held.toSortableString()).bind("at", Timestamps.format(at))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            var data = new LinkedHashMap<String, Object>();
            data.put("discordUserId", discordUserId);
            data.put("walletAddress", wallet.truncated());
            data.put("position", position);
            AuditWriter.write(h, new AuditEntry("waitlist_registration", data),
                    Timestamps.format(at));
            return h.createQuery(REGISTRATION + " WHERE id = :id").bind("id", id).map((rs, ctx) -> registration(rs)).one();
        });
    }

    @Override
    public Optional<Registration> activeForAccount(String discordUserId) {
        return db.read(h -> h.createQuery(REGISTRATION + " WHERE discord_user_id = :id AND active = 1")
                .bind("id", discordUserId).map((rs, ctx) -> registration(rs)).findOne());
    }

    @Override
    public boolean unregister(String discordUserId, Instant at) {
        return db.write(h -> {
            h.createUpdate("""
                            UPDATE alert_history SET delivery_error = 'The registration was ended before delivery'
                            WHERE delivered = 0 AND delivery_error IS NULL
                              AND id IN (SELECT alert_id FROM waitlist_registration WHERE discord_user_id = :id AND active = 1)""")
                    .bind("id", discordUserId).execute();
            int ended = h.createUpdate("UPDATE waitlist_registration SET active = 0 WHERE discord_user_id = :id AND active = 1")
                    .bind("id", discordUserId).execute();
            if (ended > 0) {
                var data = new LinkedHashMap<String, Object>();
                data.put("discordUserId", discordUserId);
                AuditWriter.write(h, new AuditEntry("waitlist_unregistration", data),
                        Timestamps.format(at));
            }
            return ended > 0;
        });
    }

    @Override
    public int pendingCount() {
        return db.read(h -> h.createQuery(
                "SELECT count(*) FROM waitlist_registration WHERE active = 1 AND notified_at IS NULL")
                .mapTo(Integer.class).one());
    }

    private static Registration registration(ResultSet rs) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getString("discord_user_id"), new WalletAddress(rs.getString("wallet")),
                rs.getInt("position_at_registration"), Wei.parse(rs.getString("bgt_at_registration")),
                Timestamps.parse(rs.getString("registered_at")),
                Optional.ofNullable(rs.getString("notified_at")).map(Timestamps::parse));
    }

    // ---- threshold history

    @Override
    public List<Snapshot> recent(int limit, Optional<Instant> since) {
        return db.read(h -> h.createQuery("""
                        SELECT sync_id, entry_threshold, eligible_count, waitlist_count, created_at FROM threshold_snapshot
                        WHERE (CAST(:since AS TEXT) IS NULL OR created_at >= :since) ORDER BY sync_id DESC LIMIT :limit""")
                .bind("since", since.map(Timestamps::format).orElse(null)).bind("limit", limit)
                .map((rs, ctx) -> new Snapshot(rs.getLong(1), Optional.ofNullable(rs.getString(2)).map(Wei::parse),
                        rs.getInt(3), rs.getInt(4), Timestamps.parse(rs.getString(5))))
                .list());
    }

    // ---- notifications

    private static final String PREFERENCES = """
            SELECT position_updates, at_risk_warnings, naib_alerts, frequency, alerts_sent_this_week
            FROM notification_preference WHERE member_id = :id""";

    @Override
    public Preferences preferences(String memberId, Instant now) {
        return db.write(h -> {
            h.createUpdate("""
                    INSERT INTO notification_preference (member_id, created_at, updated_at) VALUES (:id, :at, :at)
                    ON CONFLICT (member_id) DO NOTHING""")
                    .bind("id", memberId).bind("at", Timestamps.format(now)).execute();
            return h.createQuery(PREFERENCES).bind("id", memberId).map((rs, ctx) -> preferences(rs)).one();
        });
    }

    @Override
    public Preferences update(String memberId, Change change, Instant now) {
        preferences(memberId, now);
        return db.write(h -> {
            h.createUpdate("""
                    UPDATE notification_preference SET
                        position_updates = coalesce(:position, position_updates),
                        at_risk_warnings = coalesce(:risk, at_risk_warnings),
                        naib_alerts = coalesce(:naib, naib_alerts),
                        frequency = coalesce(:frequency, frequency),
                        updated_at = :at
                    WHERE member_id = :id""")
                    .bind("id", memberId)
                    .bind("position", flag(change.positionUpdates()))
                    .bind("risk", flag(change.atRiskWarnings()))
                    .bind("naib", flag(change.naibAlerts()))
                    .bind("frequency", change.frequency().map(Frequency::wireName).orElse(null))
                    .bind("at", Timestamps.format(now))
                    .execute();
            return h.createQuery(PREFERENCES).bind("id", memberId).map((rs, ctx) -> preferences(rs)).one();
        });
    }

    private static Preferences preferences(ResultSet rs) throws SQLException {
        return new Preferences(rs.getInt(1) == 1, rs.getInt(2) == 1, rs.getInt(3) == 1,
                Frequency.of(rs.getString(4)).orElseThrow(), rs.getInt(5));
    }

    @Override
    public List<Alert> history(String recipientId, int limit, Optional<String> type) {
        return db.read(h -> h.createQuery("""
                        SELECT id, recipient_id, alert_type, delivered, delivery_error, sent_at, alert_data FROM alert_history
                        WHERE recipient_id = :id AND (CAST(:type AS TEXT) IS NULL OR alert_type = :type) ORDER BY id DESC LIMIT :limit""")
                .bind("id", recipientId).bind("type", type.orElse(null)).bind("limit", limit)
                .map((rs, ctx) -> alert(rs)).list());
    }

    @Override
    public Stats stats(Instant weekStart) {
        return db.read(h -> {
            long total = h.createQuery("SELECT count(*) FROM alert_history").mapTo(Long.class).one();
            long week = h.createQuery("SELECT count(*) FROM alert_history WHERE sent_at >= :start")
                    .bind("start", Timestamps.format(weekStart)).mapTo(Long.class).one();
            long delivered = h.createQuery("SELECT count(*) FROM alert_history WHERE delivered = 1").mapTo(Long.class).one();
            Map<String, Long> byType = new LinkedHashMap<>();
            h.createQuery("SELECT alert_type, count(*) FROM alert_history GROUP BY alert_type ORDER BY alert_type")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> byType.put(e.getKey(), e.getValue()));
            var prefs = h.createQuery("""
                    SELECT count(*), count(*) FILTER (WHERE position_updates = 0), count(*) FILTER (WHERE at_risk_warnings = 0)
                    FROM notification_preference""")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one();
            return new Stats(total, week, byType, delivered, prefs[0], prefs[1], prefs[2]);
        });
    }

    @Override
    public int resetCounters(String triggeredBy, Instant at) {
        String now = Timestamps.format(at);
        return db.write(h -> {
            int rows = h.createUpdate("UPDATE notification_preference SET alerts_sent_this_week = 0, updated_at = :at")
                    .bind("at", now).execute();
            var data = new LinkedHashMap<String, Object>();
            data.put("membersReset", rows);
            data.put("triggeredBy", triggeredBy);
            AuditWriter.write(h, new AuditEntry("admin_reset_alert_counters", data), now);
            return rows;
        });
    }

    @Override
    public Alert record(NewAlert alert, Instant at) {
        return db.write(h -> {
            long id = h.createUpdate("""
                    INSERT INTO alert_history (recipient_id, recipient_type, alert_type, alert_data, delivered,
                        delivery_error, sent_at)
                    VALUES (:recipient, :kind, :type, :data, :delivered, :error, :at)""")
                    .bind("recipient", alert.recipientId()).bind("kind", alert.member() ? "member" : "waitlist")
                    .bind("type", alert.type()).bind("data", alert.dataJson()).bind("delivered", alert.delivered() ? 1 : 0)
                    .bind("error", alert.deliveryError().orElse(null)).bind("at", Timestamps.format(at))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            if (alert.testBy().isPresent()) {
                var data = new LinkedHashMap<String, Object>();
                data.put("memberId", alert.recipientId());
                data.put("alertId", id);
                data.put("triggeredBy", alert.testBy().get());
                AuditWriter.write(h, new AuditEntry("admin_test_alert", data),
                        Timestamps.format(at));
            }
            if (alert.member() && alert.delivered()) {
                h.createUpdate("""
                        INSERT INTO notification_preference (member_id, created_at, updated_at) VALUES (:id, :at, :at)
                        ON CONFLICT (member_id) DO NOTHING""")
                        .bind("id", alert.recipientId()).bind("at", Timestamps.format(at)).execute();
                h.createUpdate("""
                        UPDATE notification_preference SET alerts_sent_this_week = alerts_sent_this_week + 1
                        WHERE member_id = :id""").bind("id", alert.recipientId()).execute();
            }
            return h.createQuery("""
                    SELECT id, recipient_id, alert_type, delivered, delivery_error, sent_at, alert_data
                    FROM alert_history WHERE id = :id""").bind("id", id).map((rs, ctx) -> alert(rs)).one();
        });
    }

    @Override
    public Optional<Integer> resetWeek(Instant weekStart, Instant at) {
        String week = Timestamps.format(weekStart);
        String now = Timestamps.format(at);
        return db.write(h -> {
            Optional<String> last = h.createQuery("SELECT value FROM bot_state WHERE key = 'alerts.week'")
                    .mapTo(String.class).findOne();
            if (last.isPresent() && last.get().compareTo(week) >= 0) {
                return Optional.<Integer>empty();
            }
            int rows = h.createUpdate("UPDATE notification_preference SET alerts_sent_this_week = 0, updated_at = :at")
                    .bind("at", now).execute();
            h.createUpdate("""
                    INSERT INTO bot_state (key, value, updated_at) VALUES ('alerts.week', :week, :at)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""")
                    .bind("week", week).bind("at", now).execute();
            var data = new LinkedHashMap<String, Object>();
            data.put("weekStart", week);
            data.put("membersReset", rows);
            AuditWriter.write(h, new AuditEntry("weekly_reset", data), now);
            return Optional.of(rows);
        });
    }

    @Override
    public List<Pending> due(Instant now, int limit) {
        return db.read(h -> h.createQuery("""
                        SELECT id, recipient_id, recipient_type, alert_type, alert_data, attempts FROM alert_history
                        WHERE delivered = 0 AND delivery_error IS NULL
                          AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
                        ORDER BY id LIMIT :limit""")
                .bind("now", Timestamps.format(now)).bind("limit", limit)
                .map((rs, ctx) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3).equals("member"),
                        rs.getString(4), rs.getString(5), rs.getInt(6)))
                .list());
    }

    @Override
    public void markDelivered(long alertId, Instant at) {
        String now = Timestamps.format(at);
        db.write(h -> {
            var alert = h.createQuery("""
                            SELECT recipient_id, recipient_type, alert_type FROM alert_history
                            WHERE id = :id AND delivered = 0""")
                    .bind("id", alertId).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .findOne();
            if (alert.isEmpty()) {
                return null; // delivered already
            }
            h.createUpdate("UPDATE alert_history SET delivered = 1, delivery_error = NULL, next_attempt_at = NULL WHERE id = :id")
                    .bind("id", alertId).execute();
            h.createUpdate("UPDATE waitlist_registration SET notified_at = :at WHERE alert_id = :id AND notified_at IS NULL")
                    .bind("id", alertId).bind("at", now).execute();
            String recipient = alert.get()[0];
            String type = alert.get()[2];
            if (alert.get()[1].equals("member") && !CRITICAL.contains(type)) {
                h.createUpdate("""
                        INSERT INTO notification_preference (member_id, created_at, updated_at) VALUES (:id, :at, :at)
                        ON CONFLICT (member_id) DO NOTHING""").bind("id", recipient).bind("at", now).execute();
                h.createUpdate("""
                        UPDATE notification_preference SET alerts_sent_this_week = alerts_sent_this_week + 1
                        WHERE member_id = :id""").bind("id", recipient).execute();
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
        db.write(h -> h.createUpdate("""
                        UPDATE alert_history SET attempts = attempts + 1, next_attempt_at = :retry, delivery_error = :error
                        WHERE id = :id AND delivered = 0""")
                .bind("id", alertId).bind("retry", retryAt.map(Timestamps::format).orElse(null))
                .bind("error", retryAt.isPresent() ? null : error).execute());
    }

    @Override
    public long sentCount() {
        return db.read(h -> h.createQuery("SELECT count(*) FROM alert_history").mapTo(Long.class).one());
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1,
                Optional.ofNullable(rs.getString(5)), Timestamps.parse(rs.getString(6)), rs.getString(7));
    }

    /** A 0/1 flag for an integer column, or null to keep the column's value. */
    private static @Nullable Integer flag(Optional<Boolean> value) {
        return value.map(v -> v ? 1 : 0).orElse(null);
    }
}
