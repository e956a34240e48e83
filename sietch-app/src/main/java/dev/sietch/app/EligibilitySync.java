package dev.sietch.app;

import dev.sietch.app.config.SietchSettings;
import dev.sietch.chain.ChainSettings;
import dev.sietch.chain.CsvEventSource;
import dev.sietch.core.port.ChainEventSource;
import dev.sietch.core.usecase.IndexChainEvents;
import dev.sietch.core.usecase.SyncEligibility;
import dev.sietch.core.usecase.SyncResult;
import dev.sietch.store.SqliteStore;
import java.time.Clock;
import java.util.Optional;

/** Wires the eligibility sync: the configured event source, the indexer and the sync over the store. */
public final class EligibilitySync {

    private final IndexChainEvents indexer;
    private final SyncEligibility sync;

    private EligibilitySync(ChainEventSource source, SqliteStore store, SietchSettings settings, Clock clock) {
        this.indexer = new IndexChainEvents(source, store.eventLedger());
        this.sync = new SyncEligibility(store.eligibility(), clock, settings.ranking(), settings.sync().gracePeriod());
    }

    /** Empty when no event source is configured. */
    public static Optional<EligibilitySync> create(SqliteStore store, SietchSettings settings, Clock clock) {
        return eventSource(settings.chain()).map(source -> new EligibilitySync(source, store, settings, clock));
    }

    /** The event file when one is configured; the JSON-RPC indexer is not part of this build yet. */
    static Optional<ChainEventSource> eventSource(ChainSettings chain) {
        return chain.eventFile().map(CsvEventSource::new);
    }

    public SyncResult runOnce() {
        return sync.run(indexer);
    }
}
