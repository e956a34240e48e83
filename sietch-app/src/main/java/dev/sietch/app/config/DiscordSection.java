package dev.sietch.app.config;

import dev.sietch.core.model.DynamicRole;
import dev.sietch.core.model.Secret;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SietchBot;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.OptionalLong;

/** {@code sietch.discord}: the bot's token and guild, Discord's endpoints, the roles and the channels. */
final class DiscordSection {

    private static final String D = "sietch.discord.";

    private DiscordSection() {}

    static DiscordSettings read(ConfigReader reader) {
        return new DiscordSettings(
                reader.optionalString(D + "token").map(Secret::new),
                reader.snowflake(D + "guild-id"),
                endpoints(reader),
                roles(reader),
                new DiscordSettings.Channels(reader.snowflake(D + "channels.the-door"),
                        reader.snowflake(D + "channels.census"),
                        reader.snowflake(D + "channels.sietch-lounge")));
    }

    private static DiscordSettings.Roles roles(ConfigReader reader) {
        var mode = reader.oneOf(D + "roles.mode", DiscordSettings.Roles.Mode.class,
                DiscordSettings.Roles.Mode.COLLABLAND);
        OptionalLong naib = reader.snowflake(D + "roles.naib");
        OptionalLong fedaykin = reader.snowflake(D + "roles.fedaykin");
        if (mode == DiscordSettings.Roles.Mode.SIETCH && (naib.isEmpty() || fedaykin.isEmpty())) {
            return reader.fail(D + "roles.mode",
                    "sietch needs sietch.discord.roles.naib and .fedaykin (DISCORD_ROLE_NAIB, DISCORD_ROLE_FEDAYKIN)",
                    DiscordSettings.Roles.COLLABLAND);
        }
        var dynamic = new EnumMap<DynamicRole, Long>(DynamicRole.class);
        for (DynamicRole role : DynamicRole.values()) {
            reader.snowflake(D + "roles." + role.configName()).ifPresent(id -> dynamic.put(role, id));
        }
        return new DiscordSettings.Roles(mode, naib, fedaykin, dynamic, reader.snowflake(D + "roles.taqwa"));
    }

    private static SietchBot.Endpoints endpoints(ConfigReader reader) {
        String rest = reader.string(D + "rest-url");
        String gateway = reader.string(D + "gateway-url");
        try {
            URI restUrl = new URI(rest);
            URI gatewayUrl = new URI(gateway);
            if (!(restUrl.getScheme() != null && restUrl.getScheme().matches("https?") && restUrl.getHost() != null)) {
                return reader.fail(D + "rest-url", "not an absolute http(s) URL", SietchBot.Endpoints.DISCORD);
            }
            if (!(gatewayUrl.getScheme() != null && gatewayUrl.getScheme().matches("wss?")
                    && gatewayUrl.getHost() != null)) {
                return reader.fail(D + "gateway-url", "not an absolute ws(s) URL", SietchBot.Endpoints.DISCORD);
            }
            return new SietchBot.Endpoints(restUrl, gatewayUrl);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return reader.fail(D + "rest-url", "the REST URL must be an absolute URL ending with /; "
                    + "the gateway URL an absolute ws(s) URL", SietchBot.Endpoints.DISCORD);
        }
    }
}
