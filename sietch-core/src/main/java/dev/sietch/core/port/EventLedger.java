package dev.sietch.core.port;

import dev.sietch.core.model.BlockRef;
import dev.sietch.core.model.ChainEvent;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The indexed events and a cursor per event source (a reward vault, the BGT token, a file), so a
 * source added later can be backfilled on its own, plus the hashes of recently indexed blocks so
 * the indexer can detect a reorganisation. Implemented by the store.
 */
public interface EventLedger {

    /** How many recorded block hashes the ledger keeps at least (the newest by block number). */
    int RECENT_BLOCKS = 256;

    /** Each source's last block whose events are all recorded. */
    Map<String, Long> cursors();

    /** The recorded block hashes, newest first, at most {@link #RECENT_BLOCKS}. */
    List<BlockRef> recentBlocks();

    /** The cursors and recent block hashes together, read consistently. */
    default Position position() {
        return new Position(cursors(), recentBlocks());
    }

    /** The block up to which every source is recorded (the lowest cursor); empty before the first batch. */
    default OptionalLong cursor() {
        return cursors().values().stream().mapToLong(Long::longValue).min();
    }

    /** {@link #append(List, Map, List)} without block hashes. */
    default int append(List<ChainEvent> events, Map<String, Long> cursors) {
        return append(events, cursors, List.of());
    }

    /**
     * Records a batch, moves the named sources' cursors and records the block hashes, atomically.
     * Events already recorded (same transaction hash and log index) are ignored, so a batch may be
     * replayed. A block hash replaces an older one for the same number; block hashes beyond the
     * newest {@link #RECENT_BLOCKS} are forgotten.
     *
     * @param cursors the sources this batch covers, each with the last block it now covers completely
     * @return how many events were new
     * @throws IllegalArgumentException if a cursor would move back
     */
    int append(List<ChainEvent> events, Map<String, Long> cursors, List<BlockRef> blocks);

    /**
     * Forgets everything after {@code block}, atomically: events in later blocks (and their effect on
     * the wallets' totals), recorded hashes of later blocks, and cursors beyond it, which move back
     * to {@code block} (with {@code block} = -1 the cursors are dropped: nothing is recorded).
     *
     * @param block the newest block to keep; -1 forgets every event
     */
    Rewound rewind(long block);

    /** Where the ledger stands, as the indexer needs it. */
    record Position(Map<String, Long> cursors, List<BlockRef> recentBlocks) {
        public Position {
            cursors = Map.copyOf(cursors);
            recentBlocks = List.copyOf(recentBlocks);
        }
    }

    /** What a rewind removed. */
    record Rewound(long toBlock, int events, int wallets) {}
}
