package dev.sietch.store.internal;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.PictureSource;
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
    public Optional<Session> find(DiscordUserId discordUserId) {
        return db.read(h -> h.attach(OnboardingDao.class).find(discordUserId.wire()).map(row -> new Session(discordUserId,
                Step.valueOf(row.step().toUpperCase(Locale.ROOT)), Optional.ofNullable(row.nym()),
                Optional.ofNullable(row.pictureType()).map(t -> PictureSource.fromWireName(t).orElseThrow()), picture(row), Timestamps.parse(row.startedAt()),
                Timestamps.parse(row.updatedAt()))));
    }

    private static Optional<ProfilePicture> picture(OnboardingDao.SessionRow row) {
        byte[] picture = row.picture();
        return picture == null ? Optional.empty() : Optional.of(new ProfilePicture(picture, row.pictureSize()));
    }

    @Override
    public void save(Session session) {
        db.write(h -> h.attach(OnboardingDao.class).save(session.discordUserId().wire(),
                session.step().name().toLowerCase(Locale.ROOT), session.nym().orElse(null),
                session.pictureType().map(PictureSource::wireName).orElse(null), session.picture().map(ProfilePicture::webp).orElse(null),
                session.picture().map(ProfilePicture::size).orElse(null), Timestamps.format(session.startedAt()),
                Timestamps.format(session.updatedAt())));
    }

    @Override
    public void delete(DiscordUserId discordUserId) {
        db.write(h -> h.attach(OnboardingDao.class).delete(discordUserId.wire()));
    }
}
