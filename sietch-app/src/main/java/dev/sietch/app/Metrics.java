package dev.sietch.app;

import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.port.Outbox;
import dev.sietch.core.port.RankingReader;
import dev.sietch.discord.DeliveryStats;
import dev.sietch.core.port.SyncHealthSource;
import dev.sietch.store.Store;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.function.Supplier;

/** The Prometheus registry with JVM and process metrics bound. */
final class Metrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private Supplier<String> legacy = () -> "";
    // Micrometer holds a meter's state object weakly: these keep the lambdas the meters read alive
    private Supplier<java.util.Optional<DiscordConnection>> discord = java.util.Optional::empty;
    private java.util.function.BooleanSupplier leading = () -> false;

    Metrics() {
        // promtool's lint refuses two of Micrometer's standard names: a counter in nanoseconds
        // (process_cpu_time_ns_total; process_cpu_usage remains) and a gauge ending in _count
        // (system_cpu_count, served as system_cpu_cores).
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.cores") : id;
            }
        });
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        // the running release, for the dashboard and for telling instances apart during an upgrade
        Gauge.builder("sietch.build.info", () -> 1).tag("version", version())
                .description("Always 1; the version label is the running Sietch release").register(registry);
    }

    private static String version() {
        var descriptor = Metrics.class.getModule().getDescriptor();
        return descriptor != null ? descriptor.rawVersion().orElse("unknown")
                : java.util.Optional.ofNullable(Metrics.class.getPackage().getImplementationVersion()).orElse("dev");
    }

    /** Where the adapters register their meters. */
    PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * The application gauges, under the names existing dashboards and alerts query, read from
     * the store at each scrape. {@code sietch_members_total} and {@code sietch_naib_seats_total} are
     * not counters, and Prometheus reserves the {@code _total} suffix for counters (promtool rejects
     * a gauge so named), so those two are written as {@code untyped}, which PromQL treats alike.
     */
    void bindCommunity(Store store, RankingPolicy policy) {
        RankingReader rankings = store.rankings();
        SyncHealthSource health = store.syncHealth();
        Gauge.builder("sietch.naib.seats.filled", () -> store.naibSeats().active().size())
                .description("Number of Naib seats currently filled").register(registry);
        Gauge.builder("sietch.waitlist.registrations", () -> store.waitlist().pendingCount())
                .description("Number of active waitlist registrations").register(registry);
        FunctionCounter.builder("sietch.alerts.sent", store, s -> s.notifications().sentCount())
                .description("Total alerts sent").register(registry);
        Gauge.builder("sietch.last.successful.query.timestamp",
                        () -> health.current().lastSuccessfulSync().map(Instant::getEpochSecond).orElse(0L))
                .description("Unix timestamp of last successful chain query").register(registry);
        Gauge.builder("sietch.backup.last.success.timestamp",
                        () -> store.lastBackup().map(b -> b.takenAt().getEpochSecond()).orElse(0L))
                .baseUnit("seconds")
                .description("Unix time of the newest backup taken by `sietch backup` (0: none yet)").register(registry);
        Gauge.builder("sietch.grace.period.active", () -> health.current().inGracePeriod() ? 1 : 0)
                .description("Whether the service is in grace period (1=yes, 0=no)").register(registry);
        legacy = () -> untyped("sietch_members_total", "Total number of eligible members", rankings.members().size())
                + untyped("sietch_naib_seats_total", "Total Naib seats available", policy.naibSeats());
    }

    /**
     * The bot's deliveries: {@code sietch_discord_deliveries_total{kind}} (posts, direct messages,
     * fallback notices, census updates), {@code sietch_discord_delivery_failures_total} (attempts
     * that failed and will be retried), {@code sietch_discord_outbox_pending} and
     * {@code sietch_discord_connected}.
     */
    void bindDiscord(Supplier<java.util.Optional<DiscordConnection>> current, Outbox outbox) {
        this.discord = current;
        for (DeliveryStats.Kind kind : DeliveryStats.Kind.values()) {
            if (kind == DeliveryStats.Kind.FAILURE) {
                continue;
            }
            FunctionCounter.builder("sietch.discord.deliveries", discord, d -> d.get().flatMap(DiscordConnection::stats).map(s -> count(s, kind)).orElse(0.0))
                    .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Outbox deliveries made by the Discord bot").register(registry);
        }
        FunctionCounter.builder("sietch.discord.delivery.failures", discord,
                        d -> d.get().flatMap(DiscordConnection::stats).map(s -> (double) s.failures()).orElse(0.0))
                .description("Discord delivery attempts that failed (retried with backoff)").register(registry);
        Gauge.builder("sietch.discord.outbox.pending", outbox, Outbox::pendingCount)
                .description("Sync changes not yet delivered to Discord").register(registry);
        Gauge.builder("sietch.discord.connected", discord, d -> d.get().filter(DiscordConnection::isConnected).isPresent() ? 1 : 0)
                .description("Whether this instance's Discord bot is connected (1=yes, 0=no; only the leader runs the bot)")
                .register(registry);
    }

    /** {@code sietch_leader}: whether this instance runs the sync, the jobs and the bot. */
    void bindLeader(java.util.function.BooleanSupplier isLeading) {
        this.leading = isLeading;
        Gauge.builder("sietch.leader", leading, l -> l.getAsBoolean() ? 1 : 0)
                .description("Whether this instance leads: runs the chain sync, the jobs and the Discord bot (1=yes, 0=no)")
                .register(registry);
    }

    private static double count(DeliveryStats stats, DeliveryStats.Kind kind) {
        return switch (kind) {
            case POST -> stats.posts();
            case DIRECT_MESSAGE -> stats.directMessages();
            case FALLBACK -> stats.fallbacks();
            case CENSUS -> stats.censusUpdates();
            case FAILURE -> stats.failures();
        };
    }

    private static String untyped(String name, String help, long value) {
        return "# HELP " + name + " " + help + "\n# TYPE " + name + " untyped\n" + name + " " + value + "\n";
    }

    /** The Prometheus text exposition, format 0.0.4. */
    String scrape() {
        return registry.scrape() + legacy.get();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
