package dev.sietch.discord;

import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Activity;
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
import dev.sietch.core.usecase.LinkWallet;
import dev.sietch.core.usecase.EditProfile;
import dev.sietch.core.usecase.Onboard;
import dev.sietch.core.usecase.JoinWaitlist;
import dev.sietch.core.usecase.MigrateMembers;
import dev.sietch.core.usecase.ReadCommunity;
import dev.sietch.discord.internal.activity.ActivityListener;
import dev.sietch.discord.internal.interaction.CommandRegistry;
import dev.sietch.discord.internal.interaction.ComponentHandler;
import dev.sietch.discord.internal.roles.DynamicRoleSync;
import dev.sietch.discord.internal.onboarding.OnboardingFlow;
import dev.sietch.discord.internal.onboarding.MigrationPrompts;
import dev.sietch.discord.internal.alerts.AlertDelivery;
import dev.sietch.discord.internal.roles.RoleAudit;
import dev.sietch.discord.internal.roles.RoleSync;
import dev.sietch.discord.internal.badges.AdminBadgeCommand;
import dev.sietch.discord.internal.directory.DirectoryCommand;
import dev.sietch.discord.internal.alerts.AlertsCommand;
import dev.sietch.discord.internal.badges.BadgesCommand;
import dev.sietch.discord.internal.badges.LeaderboardCommand;
import dev.sietch.discord.internal.naib.NaibCommand;
import dev.sietch.discord.internal.ranking.ThresholdCommand;
import dev.sietch.discord.internal.ranking.WaitlistCommand;
import dev.sietch.discord.internal.onboarding.AccessListener;
import dev.sietch.discord.internal.onboarding.OnboardCommand;
import dev.sietch.discord.internal.onboarding.ProfileEditor;
import dev.sietch.discord.internal.ranking.PositionCommand;
import dev.sietch.discord.internal.directory.ProfileCommand;
import dev.sietch.discord.internal.activity.StatsCommand;
import dev.sietch.discord.internal.interaction.SlashCommand;
import dev.sietch.discord.internal.onboarding.VerifyCommand;
import dev.sietch.discord.internal.onboarding.LinkConfirmation;
import dev.sietch.discord.internal.announcements.Census;
import dev.sietch.discord.internal.announcements.Delivery;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
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
    public record Social(ActivityLedger activity, Activity.Settings activitySettings, MemberBadges badges,
            java.time.Instant launch) {
        public Social {
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(activitySettings, "activitySettings");
            Objects.requireNonNull(badges, "badges");
            Objects.requireNonNull(launch, "launch");
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

        public Members members() {
            return community.members();
        }

        public WalletLinks links() {
            return community.links();
        }

        public NaibSeats seats() {
            return community.seats();
        }

        public RankingReader rankings() {
            return community.rankings();
        }

        public RankingPolicy policy() {
            return community.policy();
        }

        public SyncHealthSource health() {
            return community.health();
        }

        public Notifications notifications() {
            return community.notifications();
        }

        public AuditLog audit() {
            return community.audit();
        }

        public Waitlist waitlist() {
            return community.waitlist();
        }

        public ActivityLedger activity() {
            return social.activity();
        }

        public Activity.Settings activitySettings() {
            return social.activitySettings();
        }

        public MemberBadges badges() {
            return social.badges();
        }

        public java.time.Instant launch() {
            return social.launch();
        }
    }

    /** What a role sync did: additions and removals made (planned), and how many failed. */
    public record RoleSyncResult(int added, int removed, int failed) {}

    /** How long a role sync waits for its changes to drain through Discord's rate limits. */
    static final Duration ROLE_SYNC_TIMEOUT = Duration.ofMinutes(10);

    /** How often the bot looks for outbox rows whose retry is due. */
    static final Duration RETRY_POLL = Duration.ofSeconds(15);

    private final JDA jda;
    private final long guildId;
    private final Sources sources;
    private final Optional<RoleSync> roleSync;
    private final Delivery delivery;
    private final Optional<Census> census;
    private final DeliveryStats stats;
    private final boolean owned;
    private final CommandRegistry registry;
    private final DynamicRoleSync memberRoles;
    private final Optional<AccessListener> access;
    private final ActivityListener activity;
    private final boolean commandsWritten;
    private final ScheduledExecutorService retries;
    private final Runnable stopConfirmations;
    private final MigrationPrompts prompts;
    private final AlertDelivery alerts;

    private SietchBot(JDA jda, long guildId, Sources sources, Optional<RoleSync> roleSync, Delivery delivery,
            Optional<Census> census, DeliveryStats stats, boolean owned, CommandRegistry registry,
            ActivityListener activity, Optional<OnboardingFlow> flow, DynamicRoleSync memberRoles,
            Optional<AccessListener> access, boolean commandsWritten, MigrationPrompts prompts) {
        this.prompts = prompts;
        this.alerts = new AlertDelivery(sources.notifications(), sources.members(), stats, sources.clock());
        this.memberRoles = memberRoles;
        this.access = access;
        this.activity = activity;
        this.jda = jda;
        this.guildId = guildId;
        this.sources = sources;
        this.roleSync = roleSync;
        this.delivery = delivery;
        this.census = census;
        this.stats = stats;
        this.owned = owned;
        this.registry = registry;
        this.commandsWritten = commandsWritten;
        this.retries = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("sietch-discord-retries").factory());
        retries.scheduleWithFixedDelay(this::retryDue, RETRY_POLL.toMillis(), RETRY_POLL.toMillis(),
                TimeUnit.MILLISECONDS);
        this.stopConfirmations = sources.linking()
                .map(linking -> linking.onLinked(new LinkConfirmation(jda, stats, flow)))
                .orElse(() -> { });
    }

    /**
     * Logs in, waits until the guild is loaded (at most {@code readyTimeout}), registers the
     * commands and starts answering.
     *
     * @throws IllegalStateException if the token is missing, Discord refuses it, or the guild does
     *     not arrive in time (the message says which; it never contains the token)
     */
    public static SietchBot connect(DiscordSettings settings, Sources sources, Duration readyTimeout)
            throws InterruptedException {
        Endpoints endpoints = settings.endpoints();
        if (!settings.isConfigured()) {
            throw new IllegalStateException("the Discord bot token and guild id are not both configured");
        }
        JDA jda;
        try {
            jda = endpoints.applyTo(JDABuilder.createLight(settings.botToken().orElseThrow().value(), INTENTS))
                    .setMemberCachePolicy(MemberCachePolicy.ALL)
                    .setChunkingFilter(ChunkingFilter.ALL)
                    .disableCache(EnumSet.allOf(CacheFlag.class))
                    .build();
        } catch (net.dv8tion.jda.api.exceptions.InvalidTokenException e) {
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
        try {
            return start(jda, true, settings.guildId().getAsLong(), settings.roles(), settings.channels(), sources);
        } catch (RuntimeException e) {
            jda.shutdownNow();
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
            DiscordSettings.Channels channels, Sources sources) {
        return start(jda, false, guildId, roles, channels, sources);
    }

    private static SietchBot start(JDA jda, boolean owned, long guildId, DiscordSettings.Roles roles,
            DiscordSettings.Channels channels, Sources sources) {
        Guild guild = jda.getGuildById(guildId);
        if (guild == null) {
            throw new IllegalStateException("the bot is not in guild " + guildId);
        }
        var community = new ReadCommunity(sources.members(), sources.links(), sources.seats(), sources.rankings(),
                sources.policy());
        Optional<ProfileEditor> editor = sources.editing().map(e -> new ProfileEditor(e,
                sources.onboarding().map(o -> o.settings().maxBioLength()).orElse(dev.sietch.core.model.Bio.DEFAULT_MAX_LENGTH)));
        var commands = new java.util.ArrayList<SlashCommand>(List.of(new PositionCommand(community),
                new StatsCommand(sources.members(), sources.activity(), sources.activitySettings(), sources.clock()),
                new BadgesCommand(sources.members(), sources.badges()),
                new ProfileCommand(sources.members(), sources.badges(), sources.launch(), sources.clock(),
                        editor.map(e -> e::start)),
                new LeaderboardCommand(sources.members(), sources.launch(), sources.clock()),
                new NaibCommand(community, sources.members(), sources.clock()),
                new ThresholdCommand(community, sources.waitlist(), sources.clock()),
                new WaitlistCommand(new JoinWaitlist(sources.waitlist(), sources.links(), sources.rankings(),
                        sources.policy(), sources.clock()), roles.taqwa())));
        sources.linking().ifPresent(linking -> commands.add(new VerifyCommand(linking)));
        var roleAudit = new RoleAudit(sources.audit(), sources.members(), sources.clock());
        var memberRoles = new DynamicRoleSync(roles.dynamic(), sources.members(), sources.badges(), sources.activity(),
                sources.activitySettings(), sources.clock(), roleAudit, sources.seats());
        java.util.function.Consumer<dev.sietch.core.model.MemberProfile> rolesFollow = profile -> {
            Guild current = jda.getGuildById(guildId);
            if (current != null) {
                memberRoles.applyTo(current, profile);
            }
        };
        commands.add(new AdminBadgeCommand(sources.members(), sources.badges(), sources.clock(), rolesFollow));
        var directory = new DirectoryCommand(sources.members(), sources.launch(), sources.clock());
        commands.add(directory);
        var alertSettings = new AlertsCommand(sources.members(), sources.notifications(), sources.seats(), sources.clock());
        commands.add(alertSettings);
        Optional<OnboardingFlow> flow = sources.onboarding().map(onboard -> new OnboardingFlow(onboard, rolesFollow,
                onboard.settings().maxBioLength()));
        flow.ifPresent(f -> commands.add(new OnboardCommand(f)));
        var accessRoles = new java.util.HashSet<Long>();
        roles.naib().ifPresent(accessRoles::add);
        roles.fedaykin().ifPresent(accessRoles::add);
        Optional<AccessListener> access = flow.filter(f -> !accessRoles.isEmpty())
                .map(f -> new AccessListener(guildId, accessRoles, f));
        access.ifPresent(jda::addEventListener);
        var handlers = new java.util.ArrayList<ComponentHandler>(List.of(directory, alertSettings));
        flow.ifPresent(handlers::add);
        editor.ifPresent(handlers::add);
        var registry = new CommandRegistry(commands, handlers);
        boolean written = registry.register(guild);
        jda.addEventListener(registry);
        var activity = new ActivityListener(guildId, sources.activity(), sources.activitySettings(), sources.clock(),
                discordUserId -> sources.members().byDiscordId(discordUserId).ifPresent(rolesFollow));
        jda.addEventListener(activity);
        log.info("Discord: connected to guild {} ({})", guild.getName(), guildId);
        Optional<RoleSync> roleSync = roles.mode() == DiscordSettings.Roles.Mode.SIETCH
                ? Optional.of(new RoleSync(roles.naib().getAsLong(), roles.fedaykin().getAsLong(), roleAudit))
                : Optional.empty();
        var stats = new DeliveryStats();
        var delivery = new Delivery(new Delivery.Channels(channels.theDoor(), channels.fallback()), sources.outbox(),
                sources.links(), sources.members(), sources.notifications(), sources.rankings(), stats, sources.clock());
        Optional<Census> census = channels.census().isPresent()
                ? Optional.of(new Census(channels.census().getAsLong(), sources.rankings(), sources.policy(),
                        sources.health(), sources.state(), stats, sources.clock()))
                : Optional.empty();
        return new SietchBot(jda, guildId, sources, roleSync, delivery, census, stats, owned, registry, activity,
                flow, memberRoles, access, written, new MigrationPrompts(channels.fallback(), stats));
    }

    /**
     * What an announcement run did: outbox rows delivered and failed (to be retried), whether the
     * census changed, and the alerts delivered.
     */
    public record AnnouncementResult(int delivered, int failed, boolean censusUpdated, int alertsDelivered) {}

    /**
     * Delivers the syncs' pending changes (the outbox) that are due — the direct message to the
     * member concerned, then the #the-door post — each exactly once, and brings the #census message
     * up to date. Call it after each sync; rows that failed are also retried in the background.
     */
    public AnnouncementResult announce() {
        Guild guild = guild();
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
        return new AnnouncementResult(result.delivered(), result.failed(), censusUpdated, alertsDelivered);
    }

    private int deliverAlerts(Guild guild) {
        try {
            return alerts.deliver(guild);
        } catch (RuntimeException e) {
            log.warn("Discord: alerts not delivered: {}", e.toString());
            return 0;
        }
    }

    /** What this bot delivered so far. */
    public DeliveryStats deliveryStats() {
        return stats;
    }

    /** Links completed longer ago than this without a confirmation (no bot was running) are not confirmed late. */
    static final Duration LINK_CONFIRMATION_WINDOW = Duration.ofHours(1);

    private void retryDue() {
        try {
            if (jda.getGuildById(guildId) == null) {
                return;
            }
            if (!sources.outbox().due(sources.clock().instant(), 1).isEmpty()) {
                delivery.deliver(guild());
            }
            if (!sources.notifications().due(sources.clock().instant(), 1).isEmpty()) {
                deliverAlerts(guild());
            }
            // links completed through another instance's HTTP API (one without the bot)
            sources.linking().ifPresent(linking -> linking.confirmPending(LINK_CONFIRMATION_WINDOW, 20));
        } catch (RuntimeException e) {
            log.warn("Discord: retrying deliveries failed: {}", e.toString());
        }
    }

    private Guild guild() {
        Guild guild = jda.getGuildById(guildId);
        if (guild == null) {
            throw new IllegalStateException("the bot is no longer in guild " + guildId);
        }
        return guild;
    }

    /**
     * Brings @Naib and @Fedaykin in line with the current ranking for linked members (roles mode
     * {@code sietch}; nothing is removed during the grace period). Call it after each sync.
     *
     * @return empty in roles mode {@code collabland}, where Collab.Land owns the roles
     */
    public Optional<RoleSyncResult> syncRoles() throws InterruptedException {
        if (roleSync.isEmpty()) {
            return Optional.empty();
        }
        RoleSync.Result result = roleSync.get().apply(guild(), sources.links(), sources.rankings(),
                sources.health().current().inGracePeriod(), ROLE_SYNC_TIMEOUT);
        return Optional.of(new RoleSyncResult(result.added(), result.removed(), result.failed()));
    }

    /**
     * Brings the roles that follow from members' standing (Onboarded, Engaged, Veteran, Trusted —
     * those configured) in line for every onboarded member. Run daily and after badge changes.
     */
    public RoleSyncResult syncMemberRoles() throws InterruptedException {
        var result = memberRoles.apply(guild(), ROLE_SYNC_TIMEOUT);
        return new RoleSyncResult(result.added(), result.removed(), result.failed());
    }

    /**
     * Asks the next owners of placeholder profiles (members from before the social layer) to finish
     * them — by DM with a button starting the wizard, else by a mention in the fallback channel —
     * {@code gap} apart; each owner is asked once.
     *
     * @return how many were asked
     */
    public int promptPlaceholders(MigrateMembers migration, Duration gap) throws InterruptedException {
        return prompts.run(guild(), migration, gap);
    }

    /** Whether this start had to write the guild's commands (false when they were already current). */
    public boolean commandsWritten() {
        return commandsWritten;
    }

    @Override
    public void close() {
        stopConfirmations.run();
        retries.shutdownNow();
        jda.removeEventListener(registry, activity);
        access.ifPresent(jda::removeEventListener);
        activity.close();
        if (owned) {
            jda.shutdown();
            try {
                if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                    jda.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                jda.shutdownNow();
            }
        }
    }
}
