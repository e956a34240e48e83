package dev.sietch.app;

import dev.sietch.app.config.SietchSettings;
import dev.sietch.chain.ChainIndexer;
import dev.sietch.chain.ChainSettings;
import dev.sietch.chain.CsvEventSource;
import dev.sietch.core.port.ChainEventSource;
import dev.sietch.core.usecase.IndexChainEvents;
import dev.sietch.core.usecase.SyncEligibility;
import dev.sietch.core.usecase.SyncResult;
import dev.sietch.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Wires the eligibility sync: the configured event source (an event file, else the JSON-RPC
 * indexer), the indexing use case and the sync over the store. Closing it stops the indexer.
 */
public final class EligibilitySync implements AutoCloseable {

    private final ChainEventSource source;
    private final Store store;
    private final IndexChainEvents indexer;
    private final SyncEligibility sync;

    private EligibilitySync(ChainEventSource source, Store store, SietchSettings settings, Clock clock) {
        this.source = source;
        this.store = store;
        this.indexer = new IndexChainEvents(source, store.eventLedger());
        this.sync = new SyncEligibility(store.eligibility(), clock, settings.ranking(), settings.sync().gracePeriod());
    }

    /** Empty when no event source is configured. */
    public static Optional<EligibilitySync> create(Store store, SietchSettings settings, MeterRegistry registry,
            Clock clock) {
        return eventSource(settings.chain(), registry, clock).map(source -> new EligibilitySync(source, store, settings, clock));
    }

    /** The event file when one is configured, else the chain indexer when endpoints and BGT are. */
    static Optional<ChainEventSource> eventSource(ChainSettings chain, MeterRegistry registry, Clock clock) {
        if (chain.eventFile().isPresent()) {
            return chain.eventFile().map(CsvEventSource::new);
        }
        return chain.isConfigured() ? Optional.of(ChainIndexer.connect(chain, registry, clock)) : Optional.empty();
    }

    /** A short description of the source, for logs. */
    public String describe() {
        return source instanceof ChainIndexer indexer
                ? "JSON-RPC, " + indexer.endpoints().size() + " endpoint(s)"
                : "event file";
    }

    /** The block every source has reached, before indexing (for progress). */
    public OptionalLong ledgerBlock() {
        return store.eventLedger().cursor();
    }

    public SyncResult runOnce() {
        return sync.run(indexer);
    }

    public SyncResult runOnce(Consumer<IndexChainEvents.Progress> progress) {
        return sync.run(indexer, progress);
    }

    /** Stops the event source (the chain indexer's meters leave the registry with it). */
    @Override
    public void close() {
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the event source", e);
            }
        }
    }
}
