package dev.sietch.store.internal.members;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** member_profile, member_picture and migration_prompt. */
@RegisterConstructorMapper(ProfileRow.class)
@RegisterConstructorMapper(MemberDao.PictureRow.class)
interface MemberDao {

    /** A profile row with its count of badges held; {@link Directory} appends its own filters. */
    String PROFILE = """
            SELECT p.member_id, p.discord_user_id, p.nym, p.bio, p.pfp_url, p.pfp_type, p.tier, p.created_at,
                p.onboarding_complete, p.is_former_naib,
                (SELECT count(*) FROM member_badge b WHERE b.member_id = p.member_id AND b.revoked = 0) AS badges
            FROM member_profile p""";

    record PictureRow(byte[] webp, int size) {}

    @SqlQuery(PROFILE + " WHERE lower(p.nym) = lower(:nym)")
    Optional<ProfileRow> byNym(@Bind("nym") String nym);

    @SqlQuery(PROFILE + " WHERE p.member_id = :id")
    Optional<ProfileRow> byId(@Bind("id") String memberId);

    @SqlQuery(PROFILE + " WHERE p.discord_user_id = :id")
    Optional<ProfileRow> byDiscordId(@Bind("id") String discordUserId);

    @SqlQuery(PROFILE + " WHERE p.onboarding_complete = 1 ORDER BY badges DESC, p.created_at ASC, p.member_id LIMIT :limit")
    List<ProfileRow> leaderboard(@Bind("limit") int limit);

    @SqlQuery(PROFILE + """
             WHERE p.onboarding_complete = 1 AND lower(p.nym) LIKE lower(:pattern) ESCAPE '\\'
            ORDER BY lower(p.nym), p.member_id LIMIT :limit""")
    List<ProfileRow> nymsLike(@Bind("pattern") String pattern, @Bind("limit") int limit);

    @SqlQuery(PROFILE + """
             WHERE p.onboarding_complete = 0
              AND NOT EXISTS (SELECT 1 FROM migration_prompt m WHERE m.member_id = p.member_id)
            ORDER BY p.created_at, p.member_id LIMIT :limit""")
    List<ProfileRow> unpromptedPlaceholders(@Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM member_profile WHERE onboarding_complete = 1")
    int onboardedCount();

    @SqlQuery("SELECT count(*) FROM member_profile WHERE onboarding_complete = 0")
    int placeholderCount();

    @SqlUpdate("""
            INSERT INTO member_profile (member_id, discord_user_id, nym, bio, pfp_url, pfp_type, tier, created_at,
                updated_at)
            VALUES (:id, :discord, :nym, :bio, :pfp, :pfpType, :tier, :since, :at)""")
    int insert(@Bind("id") String memberId, @Bind("discord") String discordUserId, @Bind("nym") String nym,
            @Bind("bio") @Nullable String bio, @Bind("pfp") @Nullable String pfpUrl, @Bind("pfpType") String pfpType,
            @Bind("tier") String tier, @Bind("since") String memberSince, @Bind("at") String at);

    @SqlUpdate("""
            INSERT INTO migration_prompt (member_id, prompted_at, outcome) VALUES (:id, :at, :outcome)
            ON CONFLICT (member_id) DO UPDATE SET prompted_at = excluded.prompted_at,
                outcome = excluded.outcome""")
    int recordPrompt(@Bind("id") String memberId, @Bind("at") String at, @Bind("outcome") String outcome);

    @SqlUpdate("""
            UPDATE member_profile SET onboarding_complete = 1, onboarding_step = 3, updated_at = :at
            WHERE member_id = :id""")
    int completeOnboarding(@Bind("id") String memberId, @Bind("at") String at);

    @SqlQuery("SELECT nym_last_changed FROM member_profile WHERE member_id = :id")
    Optional<String> nymLastChanged(@Bind("id") String memberId);

    @SqlUpdate("UPDATE member_profile SET nym = :nym, nym_last_changed = :at, updated_at = :at WHERE member_id = :id")
    int changeNym(@Bind("id") String memberId, @Bind("nym") String nym, @Bind("at") String at);

    @SqlUpdate("UPDATE member_profile SET bio = :bio, updated_at = :at WHERE member_id = :id")
    int changeBio(@Bind("id") String memberId, @Bind("bio") @Nullable String bio, @Bind("at") String at);

    @SqlUpdate("""
            UPDATE member_profile SET nym = :nym, bio = :bio, updated_at = :at
            WHERE member_id = :id AND onboarding_complete = 0""")
    int completePlaceholder(@Bind("id") String memberId, @Bind("nym") String nym, @Bind("bio") @Nullable String bio,
            @Bind("at") String at);

    @SqlUpdate("DELETE FROM member_picture WHERE member_id = :id")
    int deletePicture(@Bind("id") String memberId);

    @SqlUpdate("UPDATE member_profile SET pfp_type = :type, pfp_url = :url, updated_at = :at WHERE member_id = :id")
    int setPicture(@Bind("id") String memberId, @Bind("type") String pfpType, @Bind("url") @Nullable String url,
            @Bind("at") String at);

    @SqlUpdate("""
            INSERT INTO member_picture (member_id, webp, size, updated_at) VALUES (:id, :webp, :size, :at)
            ON CONFLICT (member_id) DO UPDATE SET webp = excluded.webp, size = excluded.size,
                updated_at = excluded.updated_at""")
    int putPicture(@Bind("id") String memberId, @Bind("webp") byte[] webp, @Bind("size") int size,
            @Bind("at") String at);

    @SqlQuery("SELECT webp, size FROM member_picture WHERE member_id = :id")
    Optional<PictureRow> picture(@Bind("id") String memberId);
}
