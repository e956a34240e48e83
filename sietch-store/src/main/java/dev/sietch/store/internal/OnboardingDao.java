package dev.sietch.store.internal;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** onboarding_session: one session per account that has started onboarding and not finished it. */
@RegisterConstructorMapper(OnboardingDao.SessionRow.class)
interface OnboardingDao {

    record SessionRow(String step, @Nullable String nym, @Nullable String pictureType, byte @Nullable [] picture,
            int pictureSize, String startedAt, String updatedAt) {}

    @SqlQuery("""
            SELECT step, nym, picture_type, picture, picture_size, started_at, updated_at
            FROM onboarding_session WHERE discord_user_id = :id""")
    Optional<SessionRow> find(@Bind("id") String discordUserId);

    @SqlUpdate("""
            INSERT INTO onboarding_session (discord_user_id, step, nym, picture_type, picture, picture_size,
                started_at, updated_at)
            VALUES (:id, :step, :nym, :type, :picture, :size, :started, :updated)
            ON CONFLICT (discord_user_id) DO UPDATE SET step = excluded.step, nym = excluded.nym,
                picture_type = excluded.picture_type, picture = excluded.picture,
                picture_size = excluded.picture_size, started_at = excluded.started_at,
                updated_at = excluded.updated_at""")
    int save(@Bind("id") String discordUserId, @Bind("step") String step, @Bind("nym") @Nullable String nym,
            @Bind("type") @Nullable String pictureType, @Bind("picture") byte @Nullable [] picture,
            @Bind("size") @Nullable Integer pictureSize, @Bind("started") String startedAt,
            @Bind("updated") String updatedAt);

    @SqlUpdate("DELETE FROM onboarding_session WHERE discord_user_id = :id")
    int delete(@Bind("id") String discordUserId);
}
