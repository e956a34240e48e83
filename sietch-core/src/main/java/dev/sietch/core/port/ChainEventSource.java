package dev.sietch.core.port;

import dev.sietch.core.model.BlockRef;
import dev.sietch.core.model.ChainEvent;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Where claim and burn events come from (the chain indexer; a file in tests and fixtures). */
public interface ChainEventSource {

    /**
     * The next step from where the ledger stands: a batch of new events in chain order, or — when
     * the chain no longer contains a block the ledger recorded — a rewind.
     *
     * @throws ChainUnavailableException if the chain cannot be read now
     */
    Step next(EventLedger.Position position);

    /** What the ledger must do next. */
    sealed interface Step permits Batch, Rewind {}

    /**
     * New events to record atomically.
     *
     * @param events the new events
     * @param cursors the sources this batch covers, each with the last block it covers completely
     * @param blocks hashes of blocks this batch read, for reorganisation checks (may be empty)
     * @param caughtUp whether this batch reaches the newest block the source will give now
     * @param target the block the source is heading for in this catch-up, if it knows (progress)
     */
    record Batch(List<ChainEvent> events, Map<String, Long> cursors, List<BlockRef> blocks, boolean caughtUp,
            OptionalLong target) implements Step {
        public Batch {
            events = List.copyOf(events);
            cursors = Map.copyOf(cursors);
            blocks = List.copyOf(blocks);
            java.util.Objects.requireNonNull(target, "target");
        }

        /** A batch without block hashes or a known target (sources that cannot reorganise). */
        public Batch(List<ChainEvent> events, Map<String, Long> cursors, boolean caughtUp) {
            this(events, cursors, List.of(), caughtUp, OptionalLong.empty());
        }
    }

    /**
     * The chain was reorganised: the ledger must forget everything after {@code toBlock} (the
     * newest block it recorded that is still canonical) and index again from there.
     *
     * @param stale the recorded block that is no longer on the chain
     */
    record Rewind(long toBlock, BlockRef stale) implements Step {
        public Rewind {
            java.util.Objects.requireNonNull(stale, "stale");
            if (toBlock < -1 || toBlock >= stale.number()) {
                throw new IllegalArgumentException("rewind target " + toBlock + " must be below the stale block "
                        + stale.number());
            }
        }
    }
}
