package dev.sietch.app;

import dev.sietch.app.cli.SietchCommand;
import dev.sietch.app.config.SietchSettings;
import dev.sietch.chain.ChainSettings;
import dev.sietch.chain.Web3Signatures;
import dev.sietch.core.usecase.LinkWallet;
import dev.sietch.core.usecase.EditProfile;
import dev.sietch.core.usecase.MigrateMembers;
import dev.sietch.core.usecase.Onboard;
import dev.sietch.core.usecase.Pictures;
import dev.sietch.discord.SietchBot;
import dev.sietch.http.HttpApi;
import dev.sietch.http.HttpPictureFetcher;
import dev.sietch.store.SqliteStore;
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
 */
public final class Service implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Service.class);

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final HttpApi http;
    private DiscordConnection discord;

    private Service(SietchSettings settings, Clock clock) {
        try {
            var metrics = remember(new Metrics());
            var store = remember(SqliteStore.open(settings.store()));
            metrics.bindCommunity(store, settings.ranking());
            var linking = new LinkWallet(new LinkWallet.Settings(settings.verify().publicUrl(settings.http()),
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
                    .version(SietchCommand.sietchVersion())
                    .start());
            if (settings.http().adminKeys().isEmpty()) {
                log.info("HTTP: no admin keys configured (ADMIN_API_KEYS); /admin/* answers 401");
            }
            if (settings.http().memberTokenSecret().isEmpty()) {
                log.info("HTTP: no member token secret configured (MEMBER_TOKEN_SECRET); member routes answer 401");
            }
            var fetcher = remember(HttpPictureFetcher.create(settings.social().pictures()));
            var pictures = new Pictures(settings.verify().publicUrl(settings.http()), Optional.of(fetcher));
            if (settings.discord().isConfigured()) {
                log.info("Discord: connecting to guild {} at {}", settings.discord().guildId().getAsLong(),
                        settings.discord().endpoints().gatewayUrl().getHost());
                discord = remember(new DiscordConnection(settings.discord(), new SietchBot.Sources(
                        new SietchBot.Community(store.members(), store.walletLinks(), store.naibSeats(), store.rankings(),
                                settings.ranking(), store.syncHealth(), store.notifications(), store.auditLog(),
                                store.waitlist()),
                        new SietchBot.Social(store.activity(), settings.social().activity(), store.memberBadges(),
                                settings.social().launch()),
                        store.outbox(), store.botState(), Optional.of(linking),
                        Optional.of(new Onboard(new Onboard.Settings(settings.social().maxBioLength(),
                                settings.ranking().naibSeats()), pictures, store.members(), store.walletLinks(),
                                store.rankings(), store.onboarding(), store.naibSeats(), clock)),
                        Optional.of(new EditProfile(store.members(), pictures, settings.social().nymCooldown(),
                                settings.social().maxBioLength(), clock)),
                        clock)));
                metrics.bindDiscord(discord, store.outbox());
            } else {
                log.info("Discord: not connected; set DISCORD_BOT_TOKEN and DISCORD_GUILD_ID to start the bot");
            }
            var jobs = new java.util.ArrayList<>(SocialJobs.of(store, settings.social(), clock));
            var migration = new MigrateMembers(store.members(), store.walletLinks(), store.rankings(),
                    settings.social().launch(), clock, new java.security.SecureRandom());
            DiscordConnection bot = discord;
            jobs.add(new Jobs.Job("member-migration", java.time.Duration.ofDays(1), () -> {
                String created = migration.createPlaceholders() + " placeholder profile(s) created";
                return bot == null ? created : created + ", " + bot.promptPlaceholders(migration);
            }));
            if (bot != null) {
                jobs.add(new Jobs.Job("member-roles", java.time.Duration.ofDays(1), bot::syncMemberRoles));
            }
            remember(new Jobs(jobs, store.botState(), clock).start(Jobs.TICK));
            EligibilitySync.create(store, settings, metrics.registry(), clock).ifPresentOrElse(
                    sync -> {
                        remember(sync);
                        log.info("Chain: syncing from {} every {}", sync.describe(), settings.sync().interval());
                        remember(new SyncScheduler(sync, settings.sync().interval(),
                                bot == null ? () -> { } : bot::afterSync));
                    },
                    () -> logChain(settings.chain()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens the store (applying migrations) and starts serving. */
    public static Service start(SietchSettings settings, Clock clock) {
        return new Service(settings, clock);
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

    /** Whether the Discord bot is connected (false when it is not configured or could not connect). */
    public boolean discordConnected() {
        return discord != null && discord.isConnected();
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
