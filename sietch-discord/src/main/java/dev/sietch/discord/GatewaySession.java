package dev.sietch.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;

/**
 * The JDA session the bot runs on: one it logs in itself with the bot token, at the configured
 * {@link SietchBot.Endpoints} (and shuts down when the bot closes), or a host bot's, which it only
 * borrows and leaves running.
 */
final class GatewaySession implements AutoCloseable {

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final JDA jda;
    private final boolean owned;

    private GatewaySession(JDA jda, boolean owned) {
        this.jda = jda;
        this.owned = owned;
    }

    /**
     * Logs in and waits until the gateway is connected (at most {@code readyTimeout}). Every member
     * is cached, so role syncs see the roles of members who have not spoken.
     *
     * @throws IllegalStateException if the token or guild is not configured, Discord refuses the
     *     token, or the gateway does not connect in time (the message never contains the token)
     */
    static GatewaySession login(DiscordSettings settings, Duration readyTimeout) throws InterruptedException {
        if (!settings.isConfigured()) {
            throw new IllegalStateException("the Discord bot token and guild id are not both configured");
        }
        JDA jda;
        try {
            jda = settings.endpoints()
                    .applyTo(JDABuilder.createLight(settings.botToken().orElseThrow().value(), SietchBot.INTENTS))
                    .setMemberCachePolicy(MemberCachePolicy.ALL)
                    .setChunkingFilter(ChunkingFilter.ALL)
                    .disableCache(EnumSet.allOf(CacheFlag.class))
                    .build();
        } catch (InvalidTokenException e) {
            throw new IllegalStateException("Discord refused the bot token", e);
        }
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (jda.getStatus() != JDA.Status.CONNECTED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (jda.getStatus() != JDA.Status.CONNECTED) {
            jda.shutdownNow();
            throw new IllegalStateException("Discord did not finish connecting within " + readyTimeout);
        }
        return new GatewaySession(jda, true);
    }

    /** A host bot's session, which is never shut down from here. */
    static GatewaySession borrowed(JDA jda) {
        return new GatewaySession(jda, false);
    }

    JDA jda() {
        return jda;
    }

    /** The guild, if the session currently sees it. */
    Optional<Guild> find(long guildId) {
        return Optional.ofNullable(jda.getGuildById(guildId));
    }

    /** The guild, which the session must still see. */
    Guild guild(long guildId) {
        return find(guildId).orElseThrow(() -> new IllegalStateException("the bot is no longer in guild " + guildId));
    }

    /** Gives up a session the bot could not start on: an own session stops at once. */
    void abandon() {
        if (owned) {
            jda.shutdownNow();
        }
    }

    /** Shuts an own session down, waiting briefly for queued requests; a borrowed one keeps running. */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(SHUTDOWN_WAIT)) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}
