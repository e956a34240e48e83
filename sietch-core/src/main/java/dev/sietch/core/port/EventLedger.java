package dev.sietch.core.port;

import dev.sietch.core.model.ChainEvent;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The indexed events and a cursor per event source (a reward vault, the BGT token, a file), so a
 * source added later can be backfilled on its own. Implemented by the store.
 */
public interface EventLedger {

    /** Each source's last block whose events are all recorded. */
    Map<String, Long> cursors();

    /** The block up to which every source is recorded (the lowest cursor); empty before the first batch. */
    default OptionalLong cursor() {
        return cursors().values().stream().mapToLong(Long::longValue).min();
    }

    /**
     * Records a batch and moves the named sources' cursors, atomically. Events already recorded
     * (same transaction hash and log index) are ignored, so a batch may be replayed.
     *
     * @param cursors the sources this batch covers, each with the last block it now covers completely
     * @return how many events were new
     * @throws IllegalArgumentException if a cursor would move back
     */
    int append(List<ChainEvent> events, Map<String, Long> cursors);
}
