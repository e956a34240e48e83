package dev.sietch.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.core.model.BlockRef;
import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.ChainEventSource;
import dev.sietch.core.port.ChainUnavailableException;
import dev.sietch.core.port.EventLedger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

final class IndexChainEventsTest {

    private static final BlockRef B5 = new BlockRef(5, "0x" + "5".repeat(64));

    /** Records what the use case asks of the ledger. */
    private static final class RecordingLedger implements EventLedger {
        final List<ChainEvent> events = new ArrayList<>();
        final Map<String, Long> cursors = new HashMap<>();
        final List<BlockRef> blocks = new ArrayList<>();
        final List<Long> rewinds = new ArrayList<>();

        @Override
        public Map<String, Long> cursors() {
            return Map.copyOf(cursors);
        }

        @Override
        public List<BlockRef> recentBlocks() {
            return List.copyOf(blocks);
        }

        @Override
        public int append(List<ChainEvent> batch, Map<String, Long> moved, List<BlockRef> refs) {
            events.addAll(batch);
            cursors.putAll(moved);
            blocks.addAll(0, refs);
            return batch.size();
        }

        @Override
        public Rewound rewind(long block) {
            rewinds.add(block);
            int before = events.size();
            events.removeIf(e -> e.id().blockNumber() > block);
            cursors.replaceAll((s, at) -> Math.min(at, block));
            blocks.removeIf(b -> b.number() > block);
            return new Rewound(block, before - events.size(), 0);
        }
    }

    private static ChainEvent claim(long block) {
        return new ChainEvent.Claim(new ChainEvent.EventId(block, "0x" + block, 0),
                WalletAddress.of("0x" + "1".repeat(40)), Wei.of(block));
    }

    private static ChainEventSource scripted(ChainEventSource.Step... steps) {
        Deque<ChainEventSource.Step> queue = new ArrayDeque<>(List.of(steps));
        return position -> queue.removeFirst();
    }

    @Test
    void appliesRewinds_thenContinuesUntilCaughtUp_reportingRunningTotals() {
        var ledger = new RecordingLedger();
        var source = scripted(
                new ChainEventSource.Batch(List.of(claim(4), claim(5)), Map.of("s", 5L), List.of(B5), false,
                        OptionalLong.of(9)),
                new ChainEventSource.Rewind(4, B5),
                new ChainEventSource.Batch(List.of(claim(5), claim(9)), Map.of("s", 9L), List.of(), true,
                        OptionalLong.of(9)));
        List<IndexChainEvents.Progress> seen = new ArrayList<>();

        var total = new IndexChainEvents(source, ledger).catchUp(seen::add);

        assertThat(ledger.rewinds).containsExactly(4L);
        assertThat(ledger.events).extracting(e -> e.id().blockNumber()).containsExactly(4L, 5L, 9L);
        assertThat(ledger.blocks).isEmpty();
        assertThat(total).isEqualTo(new IndexChainEvents.Progress(2, 4, OptionalLong.of(9), OptionalLong.of(9), true, 1, 1));
        assertThat(seen).hasSize(3);
        assertThat(seen.get(1).block()).isEqualTo(OptionalLong.of(4));
    }

    @Test
    void givesUp_whenTheChainKeepsReorganising() {
        var ledger = new RecordingLedger();
        ChainEventSource flapping = position -> new ChainEventSource.Rewind(4, B5);

        assertThatThrownBy(() -> new IndexChainEvents(flapping, ledger).catchUp())
                .isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("reorganised");
        assertThat(ledger.rewinds).hasSize(IndexChainEvents.MAX_REWINDS + 1);
    }
}
