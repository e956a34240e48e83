package dev.sietch.core.port;

import dev.sietch.core.model.ChainEvent;
import java.util.List;
import java.util.OptionalLong;

/** Where claim and burn events come from (the chain indexer; a file in tests and fixtures). */
public interface ChainEventSource {

    /**
     * The next events after block {@code afterBlock} (all blocks if empty), in chain order.
     *
     * @throws ChainUnavailableException if the chain cannot be read now
     */
    Batch next(OptionalLong afterBlock);

    /**
     * @param events the events of blocks (afterBlock, upToBlock]
     * @param upToBlock the last block this batch covers completely
     * @param caughtUp whether this batch reaches the newest block the source will give now
     */
    record Batch(List<ChainEvent> events, long upToBlock, boolean caughtUp) {
        public Batch {
            events = List.copyOf(events);
        }
    }
}
