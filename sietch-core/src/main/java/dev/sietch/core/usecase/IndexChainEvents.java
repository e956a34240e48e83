package dev.sietch.core.usecase;

import dev.sietch.core.port.ChainEventSource;
import dev.sietch.core.port.EventLedger;
import java.util.Objects;
import java.util.OptionalLong;

/** Brings the event ledger up to date from the chain, one transaction per batch. */
public final class IndexChainEvents {

    private final ChainEventSource source;
    private final EventLedger ledger;

    public IndexChainEvents(ChainEventSource source, EventLedger ledger) {
        this.source = Objects.requireNonNull(source, "source");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** What indexing did: batches committed, events new to the ledger, and the ledger's block after. */
    public record Progress(int batches, int newEvents, OptionalLong block, boolean caughtUp) {}

    /**
     * Indexes until the source reports it is caught up.
     *
     * @throws dev.sietch.core.port.ChainUnavailableException if the chain cannot be read; batches
     *     committed before stay committed
     */
    public Progress catchUp() {
        int batches = 0;
        int newEvents = 0;
        while (true) {
            Progress step = indexOneBatch();
            batches += step.batches();
            newEvents += step.newEvents();
            if (step.caughtUp()) {
                return new Progress(batches, newEvents, step.block(), true);
            }
        }
    }

    /** Fetches and commits one batch. */
    public Progress indexOneBatch() {
        ChainEventSource.Batch batch = source.next(ledger.cursors());
        int added = ledger.append(batch.events(), batch.cursors());
        return new Progress(1, added, ledger.cursor(), batch.caughtUp());
    }
}
