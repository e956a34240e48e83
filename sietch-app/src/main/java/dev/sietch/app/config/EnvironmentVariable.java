package dev.sietch.app.config;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An environment variable that sets a configuration key. The names never change, so an
 * operator's existing {@code .env} keeps working.
 *
 * @param name the variable
 * @param path the configuration key it sets
 * @param secret whether its value must never be shown
 * @param toConfigValue turns the variable's text into the key's value (e.g. hours into a duration)
 */
record EnvironmentVariable(String name, String path, boolean secret, UnaryOperator<String> toConfigValue) {

    /** In order: where two variables set one key, the later one wins. */
    static final List<EnvironmentVariable> ALL = List.of(
            plain("API_HOST", "sietch.http.host"),
            plain("API_PORT", "sietch.http.port"),
            plain("TRUSTED_PROXIES", "sietch.http.trusted-proxies"),
            new EnvironmentVariable("ADMIN_API_KEYS", "sietch.http.admin-keys", true, UnaryOperator.identity()),
            new EnvironmentVariable("MEMBER_TOKEN_SECRET", "sietch.http.member-token-secret", true,
                    UnaryOperator.identity()),
            plain("DATABASE_PATH", "sietch.store.path"),
            plain("DATABASE_URL", "sietch.database.url"),
            new EnvironmentVariable(DatabaseUrl.PASSWORD_VARIABLE, "sietch.database.password", true,
                    UnaryOperator.identity()),
            plain("BACKUP_DIR", "sietch.backup.directory"),
            wholeUnits("BACKUP_RETENTION_DAYS", "sietch.backup.retention", "d"),
            plain("BACKUP_PUSH", "sietch.backup.push"),
            plain("BERACHAIN_RPC_URL", "sietch.chain.rpc-urls"),
            plain("BERACHAIN_RPC_URLS", "sietch.chain.rpc-urls"),
            plain("BGT_ADDRESS", "sietch.chain.bgt-address"),
            plain("REWARD_VAULT_ADDRESSES", "sietch.chain.vaults"),
            plain("REWARD_PAID_EVENT", "sietch.chain.claim-event"),
            plain("SIETCH_EVENTS_FILE", "sietch.chain.event-file"),
            new EnvironmentVariable("DISCORD_BOT_TOKEN", "sietch.discord.token", true, UnaryOperator.identity()),
            plain("DISCORD_GUILD_ID", "sietch.discord.guild-id"),
            plain("PUBLIC_URL", "sietch.http.public-url"),
            plain("DISCORD_CHANNEL_THE_DOOR", "sietch.discord.channels.the-door"),
            plain("DISCORD_CHANNEL_CENSUS", "sietch.discord.channels.census"),
            plain("DISCORD_CHANNEL_SIETCH_LOUNGE", "sietch.discord.channels.sietch-lounge"),
            plain("DISCORD_ROLE_NAIB", "sietch.discord.roles.naib"),
            plain("DISCORD_ROLE_FEDAYKIN", "sietch.discord.roles.fedaykin"),
            plain("DISCORD_ROLE_ONBOARDED", "sietch.discord.roles.onboarded"),
            plain("DISCORD_ROLE_ENGAGED", "sietch.discord.roles.engaged"),
            plain("DISCORD_ROLE_VETERAN", "sietch.discord.roles.veteran"),
            plain("DISCORD_ROLE_TRUSTED", "sietch.discord.roles.trusted"),
            plain("DISCORD_ROLE_TAQWA", "sietch.discord.roles.taqwa"),
            plain("DISCORD_ROLE_FORMER_NAIB", "sietch.discord.roles.former-naib"),
            plain("DISCORD_ROLES_MODE", "sietch.discord.roles.mode"),
            plain("DISCORD_REST_URL", "sietch.discord.rest-url"),
            plain("DISCORD_GATEWAY_URL", "sietch.discord.gateway-url"),
            wholeUnits("GRACE_PERIOD_HOURS", "sietch.sync.grace-period", "h"),
            plain("ACTIVITY_POINTS_MESSAGE", "sietch.social.activity.points.message"),
            plain("ACTIVITY_POINTS_REACTION_GIVEN", "sietch.social.activity.points.reaction-given"),
            plain("ACTIVITY_POINTS_REACTION_RECEIVED", "sietch.social.activity.points.reaction-received"),
            plain("ACTIVITY_DECAY_RATE", "sietch.social.activity.decay-rate"),
            wholeUnits("ACTIVITY_DECAY_PERIOD_HOURS", "sietch.social.activity.decay-period", "h"),
            plain("SOCIAL_LAYER_LAUNCH_DATE", "sietch.social.launch-date"),
            wholeUnits("NYM_CHANGE_COOLDOWN_DAYS", "sietch.social.nym-change-cooldown", "d"),
            plain("MAX_BIO_LENGTH", "sietch.social.max-bio-length"),
            plain("PFP_ALLOWED_HOSTS", "sietch.social.pictures.allowed-hosts"),
            plain("PFP_SIZE", "sietch.social.pictures.size"),
            plain("MAX_PFP_SIZE_KB", "sietch.social.pictures.max-size-kb"),
            plain("WEBP_QUALITY", "sietch.social.pictures.webp-quality"),
            plain("LOG_LEVEL", "sietch.log.level"),
            plain("LOG_FORMAT", "sietch.log.format"));

    private static EnvironmentVariable plain(String name, String path) {
        return new EnvironmentVariable(name, path, false, UnaryOperator.identity());
    }

    /** A whole number ({@code 24}) in {@code unit} as a duration ({@code 24h}); a duration passes as is. */
    private static EnvironmentVariable wholeUnits(String name, String path, String unit) {
        return new EnvironmentVariable(name, path, false, value -> value.matches("\\d+") ? value + unit : value);
    }
}
