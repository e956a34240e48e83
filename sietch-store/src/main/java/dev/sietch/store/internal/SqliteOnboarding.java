package dev.sietch.store.internal;

import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.port.OnboardingSessions;
import java.util.Locale;
import java.util.Optional;

/** onboarding_session. */
public final class SqliteOnboarding implements OnboardingSessions {

    private final Database db;

    public SqliteOnboarding(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Session> find(String discordUserId) {
        return db.read(h -> h.createQuery("""
                        SELECT step, nym, picture_type, picture, picture_size, started_at, updated_at
                        FROM onboarding_session WHERE discord_user_id = :id""")
                .bind("id", discordUserId)
                .map((rs, ctx) -> {
                    byte[] picture = rs.getBytes(4);
                    return new Session(discordUserId, Step.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
                            Optional.ofNullable(rs.getString(2)), Optional.ofNullable(rs.getString(3)),
                            picture == null ? Optional.empty() : Optional.of(new ProfilePicture(picture, rs.getInt(5))),
                            Timestamps.parse(rs.getString(6)), Timestamps.parse(rs.getString(7)));
                })
                .findOne());
    }

    @Override
    public void save(Session session) {
        db.write(h -> h.createUpdate("""
                        INSERT INTO onboarding_session (discord_user_id, step, nym, picture_type, picture, picture_size,
                            started_at, updated_at)
                        VALUES (:id, :step, :nym, :type, :picture, :size, :started, :updated)
                        ON CONFLICT (discord_user_id) DO UPDATE SET step = excluded.step, nym = excluded.nym,
                            picture_type = excluded.picture_type, picture = excluded.picture,
                            picture_size = excluded.picture_size, started_at = excluded.started_at,
                            updated_at = excluded.updated_at""")
                .bind("id", session.discordUserId()).bind("step", session.step().name().toLowerCase(Locale.ROOT))
                .bind("nym", session.nym().orElse(null)).bind("type", session.pictureType().orElse(null))
                .bind("picture", session.picture().map(ProfilePicture::webp).orElse(null))
                .bind("size", session.picture().map(ProfilePicture::size).orElse(null))
                .bind("started", Timestamps.format(session.startedAt()))
                .bind("updated", Timestamps.format(session.updatedAt())).execute());
    }

    @Override
    public void delete(String discordUserId) {
        db.write(h -> h.createUpdate("DELETE FROM onboarding_session WHERE discord_user_id = :id")
                .bind("id", discordUserId).execute());
    }
}
