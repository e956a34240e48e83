package dev.sietch.core.port;

import dev.sietch.core.model.ChainEvent;
import java.util.List;
import java.util.OptionalLong;

/** The indexed events and the indexer's cursor. Implemented by the store. */
public interface EventLedger {

    /** The last block whose events are all recorded; empty before the first batch. */
    OptionalLong cursor();

    /**
     * Records a batch and moves the cursor to {@code upToBlock}, atomically. Events already
     * recorded (same transaction hash and log index) are ignored, so a batch may be replayed.
     *
     * @return how many events were new
     */
    int append(List<ChainEvent> events, long upToBlock);
}
