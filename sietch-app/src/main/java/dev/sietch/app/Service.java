package dev.sietch.app;

import dev.sietch.app.config.SietchSettings;
import dev.sietch.chain.ChainSettings;
import dev.sietch.http.HttpApi;
import dev.sietch.store.SqliteStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
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

    private Service(SietchSettings settings, Clock clock) {
        try {
            var metrics = remember(new Metrics());
            var store = remember(SqliteStore.open(settings.store()));
            http = remember(HttpApi.start(settings.http(), new HttpApi.Sources(
                    store.syncHealth(), settings.sync().interval(), metrics::scrape, store.rankings(), settings.ranking(),
                    clock)));
            EligibilitySync.create(store, settings, metrics.registry(), clock).ifPresentOrElse(
                    sync -> {
                        remember(sync);
                        log.info("Chain: syncing from {} every {}", sync.describe(), settings.sync().interval());
                        remember(new SyncScheduler(sync, settings.sync().interval()));
                    },
                    () -> logChain(settings.chain()));
            log.info("Discord: not connected (the bot is not part of this build yet); token {}",
                    settings.discord().isConfigured() ? "and guild configured" : "not configured");
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
