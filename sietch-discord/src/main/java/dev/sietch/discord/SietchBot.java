package dev.sietch.discord;

import dev.sietch.core.model.Activity;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.port.ActivityLedger;
import dev.sietch.core.port.AuditLog;
import dev.sietch.core.port.BotState;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.NaibSeats;
import dev.sietch.core.port.Notifications;
import dev.sietch.core.port.Outbox;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.SyncHealthSource;
import dev.sietch.core.port.Waitlist;
import dev.sietch.core.port.WalletLinks;
import dev.sietch.core.usecase.MemberChanges;
import dev.sietch.core.usecase.EditProfile;
import dev.sietch.core.usecase.LinkWallet;
import dev.sietch.core.usecase.MigrateMembers;
import dev.sietch.core.usecase.Onboard;
import dev.sietch.discord.internal.interaction.CommandRegistry;
import dev.sietch.discord.internal.interaction.InteractionRouter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sietch's Discord bot. Either it runs its own JDA session ({@link #connect}), or it adds its
 * commands and listeners to a JDA session a host bot already runs ({@link #attach}); closing it
 * removes what it added, and shuts JDA down only if it started it.
 */
public final class SietchBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SietchBot.class);

    /** Only what the bot uses: members (roles, onboarding), guild messages and reactions (activity), DMs. */
    public static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MEMBERS,
            GatewayIntent.GUILD_MESSAGES, GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.DIRECT_MESSAGES);

    /**
     * Where Discord is: its REST API base and its gateway. Configurable so the bot can run against
     * a Discord-compatible server (and the test suite's fake Discord).
     */
    public record Endpoints(URI restUrl, URI gatewayUrl) {

        public static final Endpoints DISCORD =
                new Endpoints(URI.create("https://discord.com/api/v10/"), URI.create("wss://gateway.discord.gg/"));

        public Endpoints {
            Objects.requireNonNull(restUrl, "restUrl");
            Objects.requireNonNull(gatewayUrl, "gatewayUrl");
            if (!restUrl.toString().endsWith("/")) {
                throw new IllegalArgumentException("the REST base URL must end with /");
            }
        }

        /** Points a JDA builder at these endpoints (JSON gateway without compression, as any compatible server speaks). */
        public JDABuilder applyTo(JDABuilder builder) {
            String gateway = gatewayUrl.toString();
            return builder.setRestConfig(new RestConfig().setBaseUrl(restUrl.toString()))
                    .setSessionController(new ConcurrentSessionController() {
                        @Override
                        public String getGateway() {
                            return gateway;
                        }
                    })
                    .setCompression(Compression.NONE);
        }
    }

    /**
     * The community the bot serves: profiles, wallet links, seats, the ranking and its policy, sync
     * health, alert preferences, the audit log role changes are recorded in, and the waitlist.
     */
    public record Community(Members members, WalletLinks links, NaibSeats seats, RankingReader rankings,
            RankingPolicy policy, SyncHealthSource health, Notifications notifications, AuditLog audit,
            Waitlist waitlist) {
        public Community {
            Objects.requireNonNull(waitlist, "waitlist");
            Objects.requireNonNull(members, "members");
            Objects.requireNonNull(links, "links");
            Objects.requireNonNull(seats, "seats");
            Objects.requireNonNull(rankings, "rankings");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(notifications, "notifications");
            Objects.requireNonNull(audit, "audit");
        }
    }

    /** The social layer: activity points and their settings, badges, and when the layer launched. */
    /**
     * @param changes where badge changes are told, whichever door they came through (the bot listens
     *     there while it runs, so roles follow; give the admin API the same instance)
     */
    public record Social(ActivityLedger activity, Activity.Settings activitySettings, MemberBadges badges,
            Instant launch, MemberChanges changes) {
        public Social {
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(activitySettings, "activitySettings");
            Objects.requireNonNull(badges, "badges");
            Objects.requireNonNull(launch, "launch");
            Objects.requireNonNull(changes, "changes");
        }

        /** Badge changes heard only from this bot's own commands. */
        public Social(ActivityLedger activity, Activity.Settings activitySettings, MemberBadges badges, Instant launch) {
            this(activity, activitySettings, badges, launch, new MemberChanges());
        }
    }

    /**
     * What the bot reads and records: the community, the social layer, the outbox it delivers and
     * its own state; the optional features (wallet linking, onboarding, profile editing; absent:
     * no such commands); and its clock.
     */
    public record Sources(Community community, Social social, Outbox outbox, BotState state,
            Optional<LinkWallet> linking, Optional<Onboard> onboarding, Optional<EditProfile> editing, Clock clock) {
        public Sources {
            Objects.requireNonNull(community, "community");
            Objects.requireNonNull(social, "social");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(linking, "linking");
            Objects.requireNonNull(onboarding, "onboarding");
            Objects.requireNonNull(editing, "editing");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** What a role sync did: additions and removals made (planned), and how many failed. */
    public record RoleSyncResult(int added, int removed, int failed) {}

    /**
     * What an announcement run did: outbox rows delivered and failed (to be retried), whether the
     * census changed, and the alerts delivered.
     */
    public record AnnouncementResult(int delivered, int failed, boolean censusUpdated, int alertsDelivered) {}

    /**
     * What {@link #afterSync} did.
     *
     * @param roles the @Naib / @Fedaykin sync; empty in roles mode {@code collabland}, where Collab.Land owns them
     * @param announcements the outbox, the alerts and the census
     * @param memberRoles the roles that follow from standing (seats may have changed)
     */
    public record AfterSync(Optional<RoleSyncResult> roles, AnnouncementResult announcements, RoleSyncResult memberRoles) {}

    private final GatewaySession session;
    private final long guildId;
    private final InteractionRouter router;
    private final Features features;
    private final boolean commandsWritten;
    private final Runnable stopConfirmations;

    private SietchBot(GatewaySession session, long guildId, InteractionRouter router, Features features,
            boolean commandsWritten, Optional<LinkWallet> linking) {
        this.session = session;
        this.guildId = guildId;
        this.router = router;
        this.features = features;
        this.commandsWritten = commandsWritten;
        features.routines().start(() -> session.find(guildId));
        this.stopConfirmations = linking.flatMap(l -> features.onLinked().map(l::onLinked)).orElse(() -> { });
    }

    /**
     * Logs in, waits until the guild is loaded (at most {@code readyTimeout}), registers the
     * commands and starts answering.
     *
     * @param meters where the interactions are counted and timed ({@code sietch.discord.commands},
     *     {@code sietch.discord.command.duration})
     * @throws IllegalStateException if the token is missing, Discord refuses it, or the guild does
     *     not arrive in time (the message says which; it never contains the token)
     */
    public static SietchBot connect(DiscordSettings settings, Sources sources, MeterRegistry meters,
            Duration readyTimeout) throws InterruptedException {
        var session = GatewaySession.login(settings, readyTimeout);
        try {
            return start(session, settings.guildId().getAsLong(), settings.roles(), settings.channels(), sources,
                    meters);
        } catch (RuntimeException e) {
            session.abandon();
            throw e;
        }
    }

    /**
     * Adds Sietch's commands and listeners to a JDA session the host already runs (it must be
     * connected, with the GUILD_MEMBERS intent, and see {@code guildId}). In roles mode
     * {@code sietch} the host must also cache all members ({@code MemberCachePolicy.ALL},
     * {@code ChunkingFilter.ALL}): roles held by members outside the cache are not seen, so not removed.
     */
    public static SietchBot attach(JDA jda, long guildId, DiscordSettings.Roles roles,
            DiscordSettings.Channels channels, Sources sources, MeterRegistry meters) {
        return start(GatewaySession.borrowed(jda), guildId, roles, channels, sources, meters);
    }

    private static SietchBot start(GatewaySession session, long guildId, DiscordSettings.Roles roles,
            DiscordSettings.Channels channels, Sources sources, MeterRegistry meters) {
        JDA jda = session.jda();
        Guild guild = session.find(guildId)
                .orElseThrow(() -> new IllegalStateException("the bot is not in guild " + guildId));
        var features = Features.create(jda, guildId, roles, channels, sources);
        CommandRegistry registry;
        boolean written;
        try {
            registry = new CommandRegistry(features.commands(), features.components());
            written = registry.register(guild);
        } catch (RuntimeException e) { // nothing of a bot that did not start keeps listening
            features.rolesOnBadgeChanges().close();
            features.routines().close();
            throw e;
        }
        var router = new InteractionRouter(registry, meters);
        jda.addEventListener(router);
        features.listeners().forEach(jda::addEventListener);
        log.info("Discord: connected to guild {} ({})", guild.getName(), guildId);
        return new SietchBot(session, guildId, router, features, written, sources.linking());
    }

    /**
     * What the app calls after each sync (and once on connecting), in this order: brings
     * {@code @Naib} and {@code @Fedaykin} in line with the ranking for linked members (roles mode
     * {@code sietch}; nothing is removed during the grace period); delivers the sync's pending
     * changes that are due (the direct message to the member concerned, then the #the-door post,
     * each exactly once), the alerts, and brings the #census message up to date; then the roles
     * that follow from standing, since seats may have changed. Announcements and alerts that fail
     * are also retried in the background.
     */
    public AfterSync afterSync() throws InterruptedException {
        return features.routines().afterSync(session.guild(guildId));
    }

    /**
     * Brings the roles that follow from members' standing (Onboarded, Engaged, Veteran, Trusted —
     * those configured) in line for every onboarded member: the daily job (also part of {@link #afterSync}).
     */
    public RoleSyncResult syncMemberRoles() throws InterruptedException {
        return features.routines().memberRoles(session.guild(guildId));
    }

    /**
     * The daily migration job's Discord half: asks the next owners of placeholder profiles (members
     * from before the social layer) to finish them — by DM with a button starting the wizard, else
     * by a mention in the fallback channel — {@code gap} apart; each owner is asked once.
     *
     * @return how many were asked
     */
    public int promptPlaceholders(MigrateMembers migration, Duration gap) throws InterruptedException {
        return features.routines().promptPlaceholders(session.guild(guildId), migration, gap);
    }

    /** What this bot delivered so far. */
    public DeliveryStats deliveryStats() {
        return features.routines().stats();
    }

    /** Whether this start had to write the guild's commands (false when they were already current). */
    boolean commandsWritten() {
        return commandsWritten;
    }

    /** Removes what the bot added to the session; shuts the session down only if the bot started it. */
    @Override
    public void close() {
        stopConfirmations.run();
        features.rolesOnBadgeChanges().close();
        features.routines().close();
        JDA jda = session.jda();
        jda.removeEventListener(router);
        features.listeners().forEach(jda::removeEventListener);
        router.close(); // the answers of interactions still being handled are sent
        features.listeners().forEach(SietchBot::release);
        session.close();
    }

    private static void release(ListenerAdapter listener) {
        if (listener instanceof AutoCloseable resource) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Discord: {} did not close: {}", listener.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
