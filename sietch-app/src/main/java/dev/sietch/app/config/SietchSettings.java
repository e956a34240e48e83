package dev.sietch.app.config;

import dev.sietch.chain.ChainSettings;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.http.HttpSettings;
import dev.sietch.http.PictureSettings;
import dev.sietch.store.StoreSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Locale;

/** Every module's settings, read and validated from the configuration. */
public record SietchSettings(
        HttpSettings http,
        StoreSettings store,
        ChainSettings chain,
        DiscordSettings discord,
        Sync sync,
        RankingPolicy ranking,
        Log log,
        Verify verify,
        Social social,
        Backup backup,
        Database database) {

    /** The settings without backup or database settings of their own (the defaults apply: SQLite). */
    public SietchSettings(HttpSettings http, StoreSettings store, ChainSettings chain, DiscordSettings discord,
            Sync sync, RankingPolicy ranking, Log log, Verify verify, Social social) {
        this(http, store, chain, discord, sync, ranking, log, verify, social, Backup.DEFAULT, Database.SQLITE);
    }

    /**
     * Which database the store uses.
     *
     * @param postgres empty: the SQLite file of {@link #store()}, for one instance; present: a
     *     PostgreSQL database that several instances share, one of them (the leader) running the
     *     sync, the jobs and the Discord bot
     * @param lease how long the leader's lease lasts unless renewed: another instance takes over
     *     within this plus {@code renewEvery} after the leader dies or loses the database
     * @param renewEvery how often the leader renews its lease and the others ask for it
     */
    public record Database(Optional<dev.sietch.store.PostgresSettings> postgres, Duration lease, Duration renewEvery) {

        public static final Database SQLITE = new Database(Optional.empty(), Duration.ofSeconds(15),
                Duration.ofSeconds(3));

        public Database {
            java.util.Objects.requireNonNull(postgres, "postgres");
            if (lease.toMillis() < 300) {
                throw new IllegalArgumentException("the leader's lease must be at least 300 ms, was " + lease);
            }
            if (renewEvery.isNegative() || renewEvery.isZero() || renewEvery.multipliedBy(3).compareTo(lease) > 0) {
                throw new IllegalArgumentException("leader.renew-every must be positive and at most a third of "
                        + "leader.lease, was " + renewEvery + " for " + lease);
            }
        }
    }

    /**
     * {@code sietch backup}.
     *
     * @param directory the git repository the compressed snapshots go to (created if absent)
     * @param retention snapshots older than this leave the repository's working tree
     * @param push whether to push after each backup when the repository has a remote
     */
    public record Backup(java.nio.file.Path directory, Duration retention, boolean push) {

        public static final Backup DEFAULT = new Backup(java.nio.file.Path.of("backups"), Duration.ofDays(30), true);
    }

    /**
     * The social layer.
     *
     * @param activity activity points, cooldowns and decay
     * @param launch when the community's social layer launched (OG badge and tenure)
     * @param nymCooldown how often a member may change their nym
     * @param maxBioLength the longest bio kept
     * @param pictures where members' own pictures may come from and how they are kept
     */
    public record Social(dev.sietch.core.model.Activity.Settings activity, java.time.Instant launch,
            Duration nymCooldown, int maxBioLength, PictureSettings pictures) {

        public static final Social DEFAULT = new Social(dev.sietch.core.model.Activity.Settings.DEFAULT,
                dev.sietch.core.model.TenureCategory.DEFAULT_LAUNCH, Duration.ofDays(30),
                dev.sietch.core.model.Bio.DEFAULT_MAX_LENGTH, PictureSettings.DEFAULT);
    }

    /**
     * Wallet linking ({@code /verify}).
     *
     * @param publicUrl where members reach the HTTP API (empty: {@code http://host:port} of the listener)
     * @param validFor how long a /verify link works
     * @param chainId the EIP-155 chain id in the message members sign
     */
    public record Verify(Optional<URI> publicUrl, Duration validFor, long chainId) {

        public static final Verify DEFAULT = new Verify(Optional.empty(), Duration.ofMinutes(10), 80094);

        /** The public URL, or the listener's own address. */
        public URI publicUrl(HttpSettings http) {
            return publicUrl.orElseGet(() -> URI.create("http://" + (http.host().contains(":") ? "[" + http.host() + "]"
                    : http.host()) + ":" + http.port()));
        }
    }

    /** The chain sync schedule and the grace window. */
    public record Sync(Duration interval, Duration gracePeriod) {}

    /** How the service logs. */
    public record Log(Level level, Format format) {

        public enum Level { TRACE, DEBUG, INFO, WARN, ERROR }

        public enum Format {
            PLAIN,
            JSON;

            /** The appender name in logback.xml. */
            public String appender() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }
}
