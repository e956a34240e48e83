package dev.sietch.discord;

import dev.sietch.core.model.Secret;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the bot reaches its guild.
 *
 * @param botToken the bot token; absent means the bot is not started
 * @param guildId the guild (server) the bot manages
 * @param endpoints where Discord's REST API and gateway are (Discord's own unless configured)
 */
public record DiscordSettings(Optional<Secret> botToken, OptionalLong guildId, SietchBot.Endpoints endpoints) {

    /** Discord's own endpoints. */
    public DiscordSettings(Optional<Secret> botToken, OptionalLong guildId) {
        this(botToken, guildId, SietchBot.Endpoints.DISCORD);
    }

    public DiscordSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(endpoints, "endpoints");
        if (guildId.isPresent() && guildId.getAsLong() <= 0) {
            throw new IllegalArgumentException("guild id must be a positive snowflake");
        }
    }

    /** True when both a token and a guild are set, so the bot can connect. */
    public boolean isConfigured() {
        return botToken.isPresent() && guildId.isPresent();
    }
}
