package dev.sietch.chain;

import dev.sietch.chain.internal.LogIndexer;
import dev.sietch.chain.internal.RpcClient;
import dev.sietch.core.port.ChainEventSource;
import dev.sietch.core.port.ChainUnavailableException;
import dev.sietch.core.port.EventLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sietch's chain indexer: BGT claims (reward vaults' {@code RewardPaid}) and burns (BGT
 * {@code Transfer}s to the zero address) from Berachain JSON-RPC endpoints, incrementally from the
 * ledger's cursors, reorganisation-safe, with adaptive {@code eth_getLogs} ranges fetched in
 * parallel and committed in order, and failover across endpoints.
 *
 * <p>Use it as the {@link ChainEventSource} of the core's {@code IndexChainEvents}; close it to
 * stop its fetch threads and HTTP client.
 */
public final class ChainIndexer implements ChainEventSource, AutoCloseable {

    private final RpcClient rpc;
    private final ExecutorService executor;
    private final LogIndexer indexer;
    private final MeterRegistry registry;

    private ChainIndexer(ChainSettings settings, MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.rpc = new RpcClient(settings.rpcUrls(), settings.retry(), registry, clock);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(settings.scan().parallelRequests(), task -> {
            Thread thread = new Thread(task, "chain-fetch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.indexer = new LogIndexer(rpc, settings, executor, registry);
    }

    /**
     * @param settings must be {@linkplain ChainSettings#isConfigured() configured}
     * @param registry where the per-endpoint and indexing metrics go
     * @throws IllegalArgumentException if the settings name no endpoint or no BGT address
     */
    public static ChainIndexer connect(ChainSettings settings, MeterRegistry registry, Clock clock) {
        if (!settings.isConfigured()) {
            throw new IllegalArgumentException("the chain indexer needs at least one RPC URL and the BGT address");
        }
        return new ChainIndexer(settings, registry, clock);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Anything that goes wrong reading the chain — including an answer that cannot be decoded —
     * is a {@link ChainUnavailableException}, so the sync counts it as a chain failure.
     */
    @Override
    public Step next(EventLedger.Position position) {
        try {
            return indexer.next(position);
        } catch (ChainUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ChainUnavailableException("unexpected answer from the chain: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    /** Each endpoint's health, in configured order. */
    public List<EndpointHealth> endpoints() {
        return rpc.health();
    }

    /**
     * Stops indexing. Its meters ({@code sietch.chain.*}, {@code sietch.rpc.*}) leave the registry
     * with it: Micrometer keeps the first gauge registered under a name, bound to its object, so an
     * indexer connected later to the same registry would otherwise be shown by this one's gauges.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rpc.close();
        registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("sietch.chain.")
                        || meter.getId().getName().startsWith("sietch.rpc."))
                .toList().forEach(registry::remove);
    }
}
