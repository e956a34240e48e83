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
 * @param roles who owns the @Naib and @Fedaykin roles
 * @param channels where the bot posts
 */
public record DiscordSettings(Optional<Secret> botToken, OptionalLong guildId, SietchBot.Endpoints endpoints,
        Roles roles, Channels channels) {

    /** Discord's own endpoints; Collab.Land owns the roles; no channel posts. */
    public DiscordSettings(Optional<Secret> botToken, OptionalLong guildId) {
        this(botToken, guildId, SietchBot.Endpoints.DISCORD, Roles.COLLABLAND, Channels.NONE);
    }

    /** No channel posts. */
    public DiscordSettings(Optional<Secret> botToken, OptionalLong guildId, SietchBot.Endpoints endpoints, Roles roles) {
        this(botToken, guildId, endpoints, roles, Channels.NONE);
    }

    /**
     * The channels the bot posts to; each may be a text or an announcement channel. Without
     * #the-door the sync's changes are only sent to the members concerned; without #census there
     * is no census message.
     *
     * @param theDoor where the sync's changes are announced
     * @param census the census message, edited in place after every sync
     * @param lounge where a member who does not accept direct messages is told to look (default #the-door)
     */
    public record Channels(OptionalLong theDoor, OptionalLong census, OptionalLong lounge) {

        public static final Channels NONE = new Channels(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

        public Channels {
            Objects.requireNonNull(theDoor, "theDoor");
            Objects.requireNonNull(census, "census");
            Objects.requireNonNull(lounge, "lounge");
        }

        /** Where a member who does not accept direct messages is mentioned: the lounge, else #the-door. */
        public OptionalLong fallback() {
            return lounge.isPresent() ? lounge : theDoor;
        }
    }

    /**
     * {@link Mode#SIETCH}: the bot assigns and removes @Naib and @Fedaykin from the ranking, for
     * linked members; {@link Mode#COLLABLAND}: Collab.Land does (the default) and the
     * bot never changes them.
     */
    public record Roles(Mode mode, OptionalLong naib, OptionalLong fedaykin,
            java.util.Map<dev.sietch.core.model.DynamicRole, Long> dynamic, OptionalLong taqwa) {

        public enum Mode { SIETCH, COLLABLAND }

        public static final Roles COLLABLAND = new Roles(Mode.COLLABLAND, OptionalLong.empty(), OptionalLong.empty());

        /** Without the roles the bot gives from members' standing (Onboarded, Engaged, Veteran, Trusted). */
        public Roles(Mode mode, OptionalLong naib, OptionalLong fedaykin) {
            this(mode, naib, fedaykin, java.util.Map.of());
        }

        /** Without the @Taqwa role (given to waitlist registrants). */
        public Roles(Mode mode, OptionalLong naib, OptionalLong fedaykin,
                java.util.Map<dev.sietch.core.model.DynamicRole, Long> dynamic) {
            this(mode, naib, fedaykin, dynamic, OptionalLong.empty());
        }

        /** The Onboarded role, given when a member completes onboarding. */
        public OptionalLong onboarded() {
            Long id = dynamic.get(dev.sietch.core.model.DynamicRole.ONBOARDED);
            return id == null ? OptionalLong.empty() : OptionalLong.of(id);
        }

        public Roles {
            dynamic = java.util.Map.copyOf(dynamic);
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(naib, "naib");
            Objects.requireNonNull(fedaykin, "fedaykin");
            Objects.requireNonNull(taqwa, "taqwa");
            if (mode == Mode.SIETCH && (naib.isEmpty() || fedaykin.isEmpty())) {
                throw new IllegalArgumentException("roles mode sietch needs the Naib and Fedaykin role ids");
            }
        }
    }

    public DiscordSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(channels, "channels");
        if (guildId.isPresent() && guildId.getAsLong() <= 0) {
            throw new IllegalArgumentException("guild id must be a positive snowflake");
        }
    }

    /** True when both a token and a guild are set, so the bot can connect. */
    public boolean isConfigured() {
        return botToken.isPresent() && guildId.isPresent();
    }
}
