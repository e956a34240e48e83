package dev.sietch.discord;

import dev.sietch.core.usecase.MigrateMembers;
import dev.sietch.discord.internal.alerts.AlertDelivery;
import dev.sietch.discord.internal.announcements.Census;
import dev.sietch.discord.internal.announcements.Delivery;
import dev.sietch.discord.internal.onboarding.MigrationPrompts;
import dev.sietch.discord.internal.roles.DynamicRoleSync;
import dev.sietch.discord.internal.roles.RoleSync;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's work outside interactions: what follows a sync, in its order (the ranking's roles,
 * then the outbox, the alerts and the census, then the standing roles, since seats may have
 * changed), the background retry of what failed, and the daily jobs' Discord halves.
 */
final class Routines implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Routines.class);

    /** How long a role sync waits for its changes to drain through Discord's rate limits. */
    static final Duration ROLE_SYNC_TIMEOUT = Duration.ofMinutes(10);

    /** How often the bot looks for outbox rows whose retry is due. */
    static final Duration RETRY_POLL = Duration.ofSeconds(15);

    /** Links completed longer ago than this without a confirmation (no bot was running) are not confirmed late. */
    static final Duration LINK_CONFIRMATION_WINDOW = Duration.ofHours(1);

    private final SietchBot.Sources sources;
    private final Optional<RoleSync> roleSync;
    private final Delivery delivery;
    private final AlertDelivery alerts;
    private final Optional<Census> census;
    private final DynamicRoleSync memberRoles;
    private final MigrationPrompts prompts;
    private final DeliveryStats stats;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sietch-discord-retries").factory());

    /**
     * @param roleSync present in roles mode {@code sietch}
     * @param census present when a #census channel is set
     */
    Routines(SietchBot.Sources sources, Optional<RoleSync> roleSync, Delivery delivery, AlertDelivery alerts,
            Optional<Census> census, DynamicRoleSync memberRoles, MigrationPrompts prompts, DeliveryStats stats) {
        this.sources = sources;
        this.roleSync = roleSync;
        this.delivery = delivery;
        this.alerts = alerts;
        this.census = census;
        this.memberRoles = memberRoles;
        this.prompts = prompts;
        this.stats = stats;
    }

    /** Starts retrying, every {@link #RETRY_POLL}, what is due in the guild (while the session sees it). */
    void start(Supplier<Optional<Guild>> guild) {
        retries.scheduleWithFixedDelay(() -> guild.get().ifPresent(this::retryDue), RETRY_POLL.toMillis(),
                RETRY_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    DeliveryStats stats() {
        return stats;
    }

    SietchBot.AfterSync afterSync(Guild guild) throws InterruptedException {
        Optional<SietchBot.RoleSyncResult> roles = syncRoles(guild);
        SietchBot.AnnouncementResult announced = announce(guild);
        SietchBot.RoleSyncResult memberRoles = memberRoles(guild);
        return new SietchBot.AfterSync(roles, announced, memberRoles);
    }

    private Optional<SietchBot.RoleSyncResult> syncRoles(Guild guild) throws InterruptedException {
        if (roleSync.isEmpty()) {
            return Optional.empty();
        }
        var community = sources.community();
        RoleSync.Result result = roleSync.get().apply(guild, community.links(), community.rankings(),
                community.health().current().inGracePeriod(), ROLE_SYNC_TIMEOUT);
        return Optional.of(new SietchBot.RoleSyncResult(result.added(), result.removed(), result.failed()));
    }

    private SietchBot.AnnouncementResult announce(Guild guild) {
        Delivery.Result result = delivery.deliver(guild);
        int alertsDelivered = deliverAlerts(guild);
        boolean censusUpdated = false;
        if (census.isPresent()) {
            try {
                censusUpdated = census.get().update(guild);
            } catch (RuntimeException e) {
                stats.count(DeliveryStats.Kind.FAILURE);
                log.warn("Discord: the census was not updated: {}", e.toString());
            }
        }
        return new SietchBot.AnnouncementResult(result.delivered(), result.failed(), censusUpdated, alertsDelivered);
    }

    private int deliverAlerts(Guild guild) {
        try {
            return alerts.deliver(guild);
        } catch (RuntimeException e) {
            log.warn("Discord: alerts not delivered: {}", e.toString());
            return 0;
        }
    }

    SietchBot.RoleSyncResult memberRoles(Guild guild) throws InterruptedException {
        var result = memberRoles.apply(guild, ROLE_SYNC_TIMEOUT);
        return new SietchBot.RoleSyncResult(result.added(), result.removed(), result.failed());
    }

    int promptPlaceholders(Guild guild, MigrateMembers migration, Duration gap) throws InterruptedException {
        return prompts.run(guild, migration, gap);
    }

    private void retryDue(Guild guild) {
        try {
            if (!sources.outbox().due(sources.clock().instant(), 1).isEmpty()) {
                delivery.deliver(guild);
            }
            if (!sources.community().notifications().due(sources.clock().instant(), 1).isEmpty()) {
                deliverAlerts(guild);
            }
            // links completed through another instance's HTTP API (one without the bot)
            sources.linking().ifPresent(linking -> linking.confirmPending(LINK_CONFIRMATION_WINDOW, 20));
        } catch (RuntimeException e) {
            log.warn("Discord: retrying deliveries failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
