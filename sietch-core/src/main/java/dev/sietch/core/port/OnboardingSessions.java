package dev.sietch.core.port;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.ProfilePicture;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The onboarding wizards in progress, persisted so a restart resumes them. Implemented by the store. */
public interface OnboardingSessions {

    Optional<Session> find(DiscordUserId discordUserId);

    void save(Session session);

    void delete(DiscordUserId discordUserId);

    enum Step { NYM, PICTURE, BIO }

    /**
     * @param pictureType {@code custom}, {@code generated} or {@code none}, once chosen
     * @param picture the member's own picture, when {@code pictureType} is {@code custom}
     */
    record Session(DiscordUserId discordUserId, Step step, Optional<String> nym, Optional<PictureSource> pictureType,
            Optional<ProfilePicture> picture, Instant startedAt, Instant updatedAt) {
        public Session {
            Objects.requireNonNull(picture, "picture");
            Objects.requireNonNull(discordUserId, "discordUserId");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(nym, "nym");
            Objects.requireNonNull(pictureType, "pictureType");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }
}
