package dev.sietch.core.port;

import dev.sietch.core.model.ChainEvent;
import java.util.List;
import java.util.Map;

/** Where claim and burn events come from (the chain indexer; a file in tests and fixtures). */
public interface ChainEventSource {

    /**
     * The next events after the given cursors, in chain order. A source missing from
     * {@code cursors} has recorded nothing yet.
     *
     * @param cursors each source's last fully recorded block
     * @throws ChainUnavailableException if the chain cannot be read now
     */
    Batch next(Map<String, Long> cursors);

    /**
     * @param events the new events
     * @param cursors the sources this batch covers, each with the last block it covers completely
     * @param caughtUp whether this batch reaches the newest block the source will give now
     */
    record Batch(List<ChainEvent> events, Map<String, Long> cursors, boolean caughtUp) {
        public Batch {
            events = List.copyOf(events);
            cursors = Map.copyOf(cursors);
        }
    }
}
