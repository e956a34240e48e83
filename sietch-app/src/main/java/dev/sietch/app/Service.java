package dev.sietch.app;

import dev.sietch.app.cli.SietchCommand;
import dev.sietch.app.config.SietchSettings;
import dev.sietch.chain.ChainSettings;
import dev.sietch.chain.Web3Signatures;
import dev.sietch.core.usecase.MemberChanges;
import dev.sietch.core.usecase.LinkWallet;
import dev.sietch.core.usecase.EditProfile;
import dev.sietch.core.usecase.MigrateMembers;
import dev.sietch.core.usecase.Onboard;
import dev.sietch.core.usecase.Pictures;
import dev.sietch.discord.SietchBot;
import dev.sietch.http.HttpApi;
import dev.sietch.http.HttpPictureFetcher;
import dev.sietch.store.LeaseSettings;
import dev.sietch.store.Leadership;
import dev.sietch.store.PostgresDatabase;
import dev.sietch.store.Store;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: the one place that builds the adapters and wires them together. Parts are
 * closed in reverse order of start, so requests stop before the store they read closes.
 *
 * <p>On SQLite the one instance does everything. On PostgreSQL every instance serves the HTTP API,
 * and the leader alone — elected through a lease in the database — runs the chain sync, the
 * scheduled jobs and the Discord bot: started when it is elected, stopped when it stops leading,
 * their writes fenced by its term.
 */
public final class Service implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Service.class);

    /** The lease's name: one leader per database. */
    static final String LEASE = "sietch-leader";

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final SietchSettings settings;
    private final Clock clock;
    private final HttpApi http;
    private final Store store;
    private final Metrics metrics;
    private final LinkWallet linking;
    private final Pictures pictures;
    /** Badge changes from the admin API and the bot's commands; the bot listens while it runs. */
    private final MemberChanges memberChanges = new MemberChanges();
    private final LeaderWork leaderWork;
    private volatile @org.jspecify.annotations.Nullable DiscordConnection discord;

    private Service(SietchSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        try {
            metrics = remember(new Metrics());
            Optional<PostgresDatabase> postgres = settings.database().postgres().map(PostgresDatabase::open);
            postgres.ifPresent(this::remember);
            store = remember(postgres.map(database -> Store.postgres(database, clock))
                    .orElseGet(() -> Store.sqlite(settings.store(), clock)));
            metrics.bindCommunity(store, settings.ranking());
            linking = new LinkWallet(new LinkWallet.Settings(settings.verify().publicUrl(settings.http()),
                    settings.verify().validFor(), settings.verify().chainId()), store.walletVerifications(),
                    store.walletLinks(), new Web3Signatures(), clock);
            http = remember(HttpApi.builder(settings.http())
                    .clock(clock)
                    .syncHealth(store.syncHealth(), settings.sync().interval(), settings.sync().gracePeriod())
                    .rankings(store.rankings(), settings.ranking())
                    .metrics(metrics.registry(), metrics::scrape)
                    .admin(store.overrides(), store.auditLog())
                    .community(store.members(), store.walletLinks(), store.memberBadges(), store.naibSeats(),
                            store.waitlist(), store.thresholdHistory(), store.notifications())
                    .walletLinking(linking)
                    .socialLaunch(settings.social().launch())
                    .memberChanges(memberChanges)
                    .version(SietchCommand.sietchVersion())
                    .start());
            if (settings.http().adminKeys().isEmpty()) {
                log.info("HTTP: no admin keys configured (ADMIN_API_KEYS); /admin/* answers 401");
            }
            if (settings.http().memberTokenSecret().isEmpty()) {
                log.info("HTTP: no member token secret configured (MEMBER_TOKEN_SECRET); member routes answer 401");
            }
            var fetcher = remember(HttpPictureFetcher.create(settings.social().pictures()));
            pictures = new Pictures(settings.verify().publicUrl(settings.http()), Optional.of(fetcher));
            if (settings.discord().isConfigured()) {
                metrics.bindDiscord(() -> Optional.ofNullable(discord), store.outbox());
            } else {
                log.info("Discord: not connected; set DISCORD_BOT_TOKEN and DISCORD_GUILD_ID to start the bot");
            }
            if (postgres.isPresent()) {
                var elected = new java.util.concurrent.CompletableFuture<Leadership>();
                // stepping aside closes the election, which waits for this listener thread: from another thread
                leaderWork = LeaderWork.shared(this::startLeaderWork,
                        () -> Thread.ofVirtual().name("sietch-step-aside").start(() -> elected.join().close()));
                String holder = holderName();
                var leadership = remember(postgres.get().leadership(new LeaseSettings(LEASE, holder,
                        settings.database().lease(), settings.database().renewEvery()), new Leadership.Listener() {
                            @Override
                            public void elected(long epoch) {
                                leaderWork.start(new LeaderTerm(elected.join(), epoch));
                            }

                            @Override
                            public void revoked(long epoch) {
                                leaderWork.stop();
                            }
                        }));
                elected.complete(leadership);
                log.info("Leader election: {} takes part (lease {}, renewed every {}); the leader runs the sync, "
                        + "the jobs and the Discord bot", holder, settings.database().lease(),
                        settings.database().renewEvery());
            } else {
                leaderWork = LeaderWork.sole(this::startLeaderWork);
                leaderWork.start(LeaderTerm.SOLE);
            }
            // closed first: the leader's work stops before the lease is given up and the store closes
            remember(leaderWork);
            metrics.bindLeader(leaderWork::isRunning);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens the store (applying migrations) and starts serving. */
    public static Service start(SietchSettings settings, Clock clock) {
        return new Service(settings, clock);
    }

    /** This instance's name in the election: host, process and a random part (a restarted process is a new holder). */
    private static String holderName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + Long.toHexString(new java.security.SecureRandom().nextLong() & 0xffffffL);
    }

    /** The leader's work for {@code term}, in the order it is to stop in reverse: the jobs, the chain sync, the Discord bot. */
    private java.util.List<AutoCloseable> startLeaderWork(LeaderTerm term) {
        var started = new java.util.ArrayList<AutoCloseable>();
        DiscordConnection bot = null;
        try {
            if (settings.discord().isConfigured()) {
                log.info("Discord: connecting to guild {} at {}", settings.discord().guildId().getAsLong(),
                        settings.discord().endpoints().gatewayUrl().getHost());
                bot = new DiscordConnection(settings.discord(), new SietchBot.Sources(
                        new SietchBot.Community(store.members(), store.walletLinks(), store.naibSeats(), store.rankings(),
                                settings.ranking(), store.syncHealth(), store.notifications(), store.auditLog(),
                                store.waitlist()),
                        new SietchBot.Social(store.activity(), settings.social().activity(), store.memberBadges(),
                                settings.social().launch(), memberChanges),
                        store.outbox(), store.botState(), Optional.of(linking),
                        Optional.of(new Onboard(new Onboard.Settings(settings.social().maxBioLength(),
                                settings.ranking().naibSeats()), pictures, store.members(), store.walletLinks(),
                                store.rankings(), store.onboarding(), store.naibSeats(), clock)),
                        Optional.of(new EditProfile(store.members(), pictures, settings.social().nymCooldown(),
                                settings.social().maxBioLength(), clock)),
                        clock), metrics.registry(), term);
                discord = bot;
            }
            var jobs = new java.util.ArrayList<>(SocialJobs.of(store, settings.social(), clock));
            var migration = new MigrateMembers(store.members(), store.walletLinks(), store.rankings(),
                    settings.social().launch(), clock, new java.security.SecureRandom());
            DiscordConnection connection = bot;
            jobs.add(new Jobs.Job("member-migration", java.time.Duration.ofDays(1), () -> {
                String created = migration.createPlaceholders() + " placeholder profile(s) created";
                return connection == null ? created : created + ", " + connection.promptPlaceholders(migration);
            }));
            if (connection != null) {
                jobs.add(new Jobs.Job("member-roles", java.time.Duration.ofDays(1), connection::syncMemberRoles));
            }
            started.add(new Jobs(jobs, store.botState(), clock, term).start(Jobs.TICK));
            var sync = EligibilitySync.create(store, settings, metrics.registry(), clock);
            if (sync.isPresent()) {
                started.add(sync.get());
                log.info("Chain: syncing from {} every {}", sync.get().describe(), settings.sync().interval());
                started.add(new SyncScheduler(sync.get(), settings.sync().interval(),
                        connection == null ? () -> { } : connection::afterSync, term));
            } else {
                logChain(settings.chain());
            }
            if (bot != null) {
                started.add(bot); // last, so it stops first: no deliveries or activity after the term ends
            }
            return started;
        } catch (RuntimeException e) {
            if (bot != null && !started.contains(bot)) {
                started.add(bot);
            }
            LeaderWork.closeAll(started);
            throw e;
        }
    }

    private static void logChain(ChainSettings chain) {
        log.info("Chain: not connected; set BERACHAIN_RPC_URLS and BGT_ADDRESS (or SIETCH_EVENTS_FILE) to sync "
                + "({} RPC endpoint(s), BGT address {})", chain.rpcUrls().size(),
                chain.bgtAddress().isPresent() ? "set" : "not set");
    }

    private <T extends AutoCloseable> T remember(T part) {
        parts.push(part);
        return part;
    }

    /** Whether the Discord bot is connected (false when it is not configured, could not connect or another instance leads). */
    public boolean discordConnected() {
        DiscordConnection bot = discord;
        return bot != null && leaderWork.isRunning() && bot.isConnected();
    }

    /** Whether this instance runs the leader's work (always, on SQLite). */
    public boolean leading() {
        return leaderWork.isRunning();
    }

    public InetSocketAddress httpAddress() {
        return http.address();
    }

    @Override
    public void close() {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.error("Could not close {}", part.getClass().getSimpleName(), e);
            }
        }
    }
}
