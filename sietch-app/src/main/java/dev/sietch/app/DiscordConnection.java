package dev.sietch.app;

import dev.sietch.discord.DiscordSettings;
import dev.sietch.discord.SietchBot;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Discord bot in the background, so the HTTP API serves while the bot connects; a
 * refused token or an unreachable Discord is one log line, and the API keeps serving.
 */
final class DiscordConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscordConnection.class);

    /** How long the bot may take to log in and load its guild. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Thread starter;
    private final LeaderTerm term;
    private SietchBot bot; // guarded by this
    private boolean closed; // guarded by this

    /**
     * @param meters where the bot counts and times the interactions it handles
     * @param term the leader's term the bot runs in: the deliveries after a sync are fenced by it
     */
    DiscordConnection(DiscordSettings settings, SietchBot.Sources sources, MeterRegistry meters, LeaderTerm term) {
        this.term = term;
        starter = Thread.ofVirtual().name("discord-connect").start(() -> {
            try {
                SietchBot connected = SietchBot.connect(settings, sources, meters, READY_TIMEOUT);
                synchronized (this) {
                    if (closed) {
                        connected.close();
                        return;
                    }
                    bot = connected;
                }
                term.fenced(this::afterSync); // roles and announcements now, not only after the next chain sync
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalStateException e) {
                log.error("Discord: not connected: {}", e.getMessage());
            } catch (RuntimeException e) {
                log.error("Discord: not connected: {}", e.toString());
            }
        });
    }

    /**
     * After a sync: the bot's role sync (roles mode {@code sietch}), the announcements and alerts,
     * then the standing roles (seats may have changed), if the bot is connected; failures are logged (announcements not posted stay pending for next time).
     */
    void afterSync() {
        SietchBot connected;
        synchronized (this) {
            connected = bot;
        }
        if (connected == null) {
            return;
        }
        try {
            connected.afterSync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (dev.sietch.store.FencedOutException e) {
            log.info("Discord: deliveries stopped: {} no longer leads", term);
        } catch (RuntimeException e) {
            log.error("Discord: role sync or delivery failed: {}", e.toString());
        }
    }

    /** The daily member-role job: a summary for the log. */
    String syncMemberRoles() {
        SietchBot connected;
        synchronized (this) {
            connected = bot;
        }
        if (connected == null) {
            return "skipped: the bot is not connected";
        }
        try {
            var result = connected.syncMemberRoles();
            return result.added() + " added, " + result.removed() + " removed, " + result.failed() + " failed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The daily migration job's second half: asks the next owners of placeholder profiles to finish
     * them, one second apart, so the DMs are paced rather than sent in one burst.
     */
    String promptPlaceholders(dev.sietch.core.usecase.MigrateMembers migration) {
        SietchBot connected;
        synchronized (this) {
            connected = bot;
        }
        if (connected == null) {
            return "no one asked: the bot is not connected";
        }
        try {
            return connected.promptPlaceholders(migration, java.time.Duration.ofSeconds(1)) + " asked to finish their profile";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The connected bot's delivery totals. */
    synchronized java.util.Optional<dev.sietch.discord.DeliveryStats> stats() {
        return java.util.Optional.ofNullable(bot).map(SietchBot::deliveryStats);
    }

    /** Whether the bot is connected and answering. */
    synchronized boolean isConnected() {
        return bot != null;
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
            if (bot != null) {
                bot.close();
                bot = null;
            }
        }
        starter.interrupt();
        starter.join(Duration.ofSeconds(5));
    }
}
