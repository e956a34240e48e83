package dev.sietch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sietch.core.model.BlockRef;
import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.WalletHolding;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.EventLedger;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventLedgerTest extends StoreTestBase {

    static WalletAddress wallet(int n) {
        return WalletAddress.of(String.format("0x%040x", n));
    }

    static ChainEvent claim(int wallet, long amount, long block, int log) {
        return new ChainEvent.Claim(new ChainEvent.EventId(block, "0xc" + block + "_" + log, log), wallet(wallet),
                Wei.of(amount));
    }

    @Test
    void keepsTotalsAndCursor_andIgnoresReplayedEvents() {
        try (var store = open("s.db")) {
            var ledger = store.eventLedger();
            assertThat(ledger.cursor()).isEmpty();

            // when: a batch, then the same batch again plus one new burn
            var first = List.of(claim(1, 5, 10, 0), claim(1, 7, 12, 3), claim(2, 1, 11, 0));
            int added = ledger.append(first, Map.of("vaults", 20L));
            var second = new ArrayList<>(first);
            second.add(new ChainEvent.Burn(new ChainEvent.EventId(21, "0xb", 0), wallet(2), Wei.of(1)));
            int addedAgain = ledger.append(second, Map.of("vaults", 25L));

            // then
            assertThat(added).isEqualTo(3);
            assertThat(addedAgain).isEqualTo(1);
            assertThat(ledger.cursor()).isEqualTo(OptionalLong.of(25));
            var ledgerState = store.eligibility().readLedger();
            assertThat(ledgerState.block()).isEqualTo(OptionalLong.of(25));
            assertThat(ledgerState.holdings()).containsExactlyInAnyOrder(
                    new WalletHolding(wallet(1), Wei.of(12), Wei.ZERO, Optional.of(new ChainEvent.EventId(10, "0xc10_0", 0))),
                    new WalletHolding(wallet(2), Wei.of(1), Wei.of(1), Optional.of(new ChainEvent.EventId(11, "0xc11_0", 0))));
        }
    }

    @Test
    void keepsACursorPerSource_andIsCompleteUpToTheLowest() {
        try (var store = open("s.db")) {
            var ledger = store.eventLedger();
            ledger.append(List.of(claim(1, 5, 90, 0)), Map.of("vault-a", 100L, "bgt", 100L));

            // a vault added later starts from its own start block
            ledger.append(List.of(claim(2, 5, 40, 0)), Map.of("vault-b", 50L));

            assertThat(ledger.cursors()).isEqualTo(Map.of("vault-a", 100L, "bgt", 100L, "vault-b", 50L));
            assertThat(ledger.cursor()).isEqualTo(OptionalLong.of(50));
            assertThat(store.eligibility().readLedger().block()).isEqualTo(OptionalLong.of(50));
        }
    }

    @Test
    void refusesToMoveTheCursorBack() {
        try (var store = open("s.db")) {
            store.eventLedger().append(List.of(), Map.of("bgt", 100L));

            assertThatIllegalArgumentException().isThrownBy(() -> store.eventLedger().append(List.of(), Map.of("bgt", 99L)));
            assertThat(store.eventLedger().cursor()).isEqualTo(OptionalLong.of(100));
        }
    }

    @Test
    void totalsEqualAPlainSum_forRandomBatchesWithReplaysAndHugeAmounts() {
        var random = new Random(42);
        List<ChainEvent> events = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            WalletAddress w = wallet(1 + random.nextInt(3_000));
            var id = new ChainEvent.EventId(i / 10, "0x" + Integer.toHexString(i), i % 10);
            Wei amount = new Wei(new BigInteger(64 + random.nextInt(120), random));
            events.add(random.nextInt(15) == 0 ? new ChainEvent.Burn(id, w, amount) : new ChainEvent.Claim(id, w, amount));
        }
        try (var store = open("s.db")) {
            // when: delivered in random-size batches, each possibly repeating earlier events
            int from = 0;
            while (from < events.size()) {
                int to = Math.min(events.size(), from + 1 + random.nextInt(3_000));
                List<ChainEvent> batch = new ArrayList<>(events.subList(Math.max(0, from - random.nextInt(500)), to));
                Collections.shuffle(batch, random);
                store.eventLedger().append(batch, Map.of("all", events.get(to - 1).id().blockNumber()));
                from = to;
            }

            // then
            Map<WalletAddress, WalletHolding> expected = new HashMap<>();
            for (ChainEvent e : events) {
                var zero = new WalletHolding(e.wallet(), Wei.ZERO, Wei.ZERO, Optional.empty());
                var t = expected.getOrDefault(e.wallet(), zero);
                expected.put(e.wallet(), e instanceof ChainEvent.Claim
                        ? new WalletHolding(e.wallet(), t.claimed().plus(e.amount()), t.burned(),
                                t.firstClaim().isPresent() ? t.firstClaim() : Optional.of(e.id()))
                        : new WalletHolding(e.wallet(), t.claimed(), t.burned().plus(e.amount()), t.firstClaim()));
            }
            assertThat(store.eligibility().readLedger().holdings()).containsExactlyInAnyOrderElementsOf(expected.values());
        }
    }

    static BlockRef ref(long number, int fork) {
        return new BlockRef(number, String.format("0x%056x%08x", number, fork));
    }

    @Test
    void rewindLeavesTheLedgerAsIfTheForgottenBlocksHadNeverBeenIndexed() {
        var random = new Random(7);
        List<ChainEvent> events = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            long block = 1 + i / 10;
            var id = new ChainEvent.EventId(block, "0x" + i, i % 10);
            Wei amount = new Wei(new BigInteger(70, random));
            var w = wallet(1 + random.nextInt(200));
            events.add(random.nextInt(12) == 0 ? new ChainEvent.Burn(id, w, amount) : new ChainEvent.Claim(id, w, amount));
        }
        List<ChainEvent> kept = events.stream().filter(e -> e.id().blockNumber() <= 150).toList();
        List<BlockRef> refs = new ArrayList<>();
        for (long n = 1; n <= 300; n++) {
            refs.add(ref(n, 0));
        }
        try (var store = open("s.db");
                var fresh = open("fresh.db")) {
            var ledger = store.eventLedger();
            ledger.append(events.subList(0, 1_000), Map.of("vault", 100L, "bgt", 100L), refs.subList(0, 100));
            ledger.append(events.subList(1_000, 3_000), Map.of("vault", 300L, "bgt", 300L), refs.subList(100, 300));
            ledger.append(List.of(), Map.of("late-vault", 120L));

            // when: the chain forked after block 150
            EventLedger.Rewound rewound = ledger.rewind(150);

            // then: totals equal a ledger that only ever saw blocks up to 150
            fresh.eventLedger().append(kept, Map.of("vault", 150L));
            assertThat(rewound.events()).isEqualTo(events.size() - kept.size());
            assertThat(store.eligibility().readLedger().holdings())
                    .containsExactlyInAnyOrderElementsOf(fresh.eligibility().readLedger().holdings());
            assertThat(ledger.cursors()).isEqualTo(Map.of("vault", 150L, "bgt", 150L, "late-vault", 120L));
            assertThat(ledger.recentBlocks()).first().isEqualTo(ref(150, 0));
            assertThat(ledger.recentBlocks()).allMatch(b -> b.number() <= 150);

            // and: indexing the new fork's blocks again works, replacing the hashes
            ledger.append(events.subList(kept.size(), 3_000), Map.of("vault", 300L, "bgt", 300L, "late-vault", 300L),
                    List.of(ref(300, 1)));
            assertThat(ledger.recentBlocks()).first().isEqualTo(ref(300, 1));
            fresh.eventLedger().append(events, Map.of("vault", 300L));
            assertThat(store.eligibility().readLedger().holdings())
                    .containsExactlyInAnyOrderElementsOf(fresh.eligibility().readLedger().holdings());

            // and: rewinding before everything forgets every event and cursor
            ledger.rewind(-1);
            assertThat(store.eligibility().readLedger().holdings()).isEmpty();
            assertThat(ledger.cursors()).isEmpty();
            assertThat(ledger.recentBlocks()).isEmpty();
        }
    }

    @Test
    void keepsOnlyTheNewestBlockHashes() {
        try (var store = open("s.db")) {
            var ledger = store.eventLedger();
            for (long n = 0; n < 600; n += 100) {
                List<BlockRef> refs = new ArrayList<>();
                for (long b = n; b < n + 100; b++) {
                    refs.add(ref(b, 0));
                }
                ledger.append(List.of(), Map.of("s", n + 99), refs);
            }
            ledger.append(List.of(), Map.of("s", 599L), List.of(ref(599, 2)));

            List<BlockRef> recent = ledger.position().recentBlocks();
            assertThat(recent).hasSize(EventLedger.RECENT_BLOCKS);
            assertThat(recent.getFirst()).isEqualTo(ref(599, 2));
            assertThat(recent.getLast().number()).isEqualTo(600 - EventLedger.RECENT_BLOCKS);
        }
    }
}
