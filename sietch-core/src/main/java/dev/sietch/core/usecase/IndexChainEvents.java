package dev.sietch.core.usecase;

import dev.sietch.core.port.ChainEventSource;
import dev.sietch.core.port.ChainUnavailableException;
import dev.sietch.core.port.EventLedger;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Brings the event ledger up to date from the chain, one transaction per batch. When the source
 * reports a reorganisation, the ledger forgets the blocks after the last canonical one it holds
 * and indexing continues from there.
 */
public final class IndexChainEvents {

    /** Rewinds allowed in one catch-up before the chain is treated as unreadable. */
    static final int MAX_REWINDS = 8;

    private final ChainEventSource source;
    private final EventLedger ledger;

    public IndexChainEvents(ChainEventSource source, EventLedger ledger) {
        this.source = Objects.requireNonNull(source, "source");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /**
     * What indexing did so far.
     *
     * @param batches batches committed
     * @param newEvents events new to the ledger
     * @param block the block every source has reached, after the step
     * @param target the block the source is heading for, when it says
     * @param caughtUp whether the ledger has reached the newest block the source gives now
     * @param rewinds reorganisations handled
     * @param removedEvents events forgotten by those rewinds
     */
    public record Progress(int batches, int newEvents, OptionalLong block, OptionalLong target, boolean caughtUp,
            int rewinds, int removedEvents) {

        static final Progress NONE = new Progress(0, 0, OptionalLong.empty(), OptionalLong.empty(), false, 0, 0);

        Progress plus(Progress step) {
            return new Progress(batches + step.batches, newEvents + step.newEvents, step.block,
                    step.target.isPresent() ? step.target : target, step.caughtUp, rewinds + step.rewinds,
                    removedEvents + step.removedEvents);
        }
    }

    /** Indexes until the source reports it is caught up. */
    public Progress catchUp() {
        return catchUp(progress -> {});
    }

    /**
     * Indexes until the source reports it is caught up, reporting the running totals after each step.
     *
     * @throws ChainUnavailableException if the chain cannot be read, or keeps reorganising; batches
     *     committed before stay committed
     */
    public Progress catchUp(Consumer<Progress> listener) {
        Progress total = Progress.NONE;
        while (true) {
            total = total.plus(step());
            listener.accept(total);
            if (total.caughtUp()) {
                return total;
            }
            if (total.rewinds() > MAX_REWINDS) {
                throw new ChainUnavailableException("the chain reorganised " + total.rewinds()
                        + " times in one catch-up; trying again at the next sync");
            }
        }
    }

    /** Fetches and commits one batch, or applies one rewind. */
    public Progress step() {
        ChainEventSource.Step step = source.next(ledger.position());
        return switch (step) {
            case ChainEventSource.Batch batch -> {
                int added = ledger.append(batch.events(), batch.cursors(), batch.blocks());
                yield new Progress(1, added, ledger.cursor(), batch.target(), batch.caughtUp(), 0, 0);
            }
            case ChainEventSource.Rewind rewind -> {
                EventLedger.Rewound rewound = ledger.rewind(rewind.toBlock());
                yield new Progress(0, 0, ledger.cursor(), OptionalLong.empty(), false, 1, rewound.events());
            }
        };
    }
}
