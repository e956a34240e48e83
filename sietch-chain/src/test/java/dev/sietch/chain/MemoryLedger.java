package dev.sietch.chain;

import dev.sietch.core.model.BlockRef;
import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.port.EventLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An in-memory event ledger with the port's contract (replays ignored, cursors never move back,
 * newest block hashes kept, rewind), so the indexer's tests need no database. The store's own
 * implementation is tested against the same contract in sietch-store.
 */
final class MemoryLedger implements EventLedger {

    private final TreeSet<ChainEvent> events = new TreeSet<>((a, b) -> {
        int byId = a.id().compareTo(b.id());
        return byId != 0 ? byId : a.id().txHash().compareTo(b.id().txHash());
    });
    private final Map<String, Long> cursors = new HashMap<>();
    private final TreeMap<Long, String> blocks = new TreeMap<>();
    int appends;
    int rewinds;

    @Override
    public synchronized Map<String, Long> cursors() {
        return Map.copyOf(cursors);
    }

    @Override
    public synchronized List<BlockRef> recentBlocks() {
        List<BlockRef> refs = new ArrayList<>();
        blocks.descendingMap().forEach((n, h) -> refs.add(new BlockRef(n, h)));
        return refs;
    }

    @Override
    public synchronized int append(List<ChainEvent> batch, Map<String, Long> moved, List<BlockRef> refs) {
        moved.forEach((source, block) -> {
            Long at = cursors.get(source);
            if (at != null && block < at) {
                throw new IllegalArgumentException("cursor of " + source + " would move back");
            }
        });
        int added = 0;
        for (ChainEvent event : batch) {
            if (events.add(event)) {
                added++;
            }
        }
        cursors.putAll(moved);
        refs.forEach(ref -> blocks.put(ref.number(), ref.hash()));
        while (blocks.size() > RECENT_BLOCKS) {
            blocks.pollFirstEntry();
        }
        appends++;
        return added;
    }

    @Override
    public synchronized Rewound rewind(long block) {
        int before = events.size();
        events.removeIf(e -> e.id().blockNumber() > block);
        if (block < 0) {
            cursors.clear();
        } else {
            cursors.replaceAll((source, at) -> Math.min(at, block));
        }
        blocks.tailMap(block, false).clear();
        rewinds++;
        return new Rewound(block, before - events.size(), 0);
    }

    synchronized List<ChainEvent> events() {
        return List.copyOf(events);
    }
}
