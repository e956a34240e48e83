package dev.sietch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.WalletHolding;
import dev.sietch.core.model.Wei;
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
import org.junit.jupiter.api.io.TempDir;

final class EventLedgerTest {

    @TempDir
    Path dir;

    static WalletAddress wallet(int n) {
        return WalletAddress.of(String.format("0x%040x", n));
    }

    static ChainEvent claim(int wallet, long amount, long block, int log) {
        return new ChainEvent.Claim(new ChainEvent.EventId(block, "0xc" + block + "_" + log, log), wallet(wallet),
                Wei.of(amount));
    }

    @Test
    void keepsTotalsAndCursor_andIgnoresReplayedEvents() {
        try (var store = SqliteStore.open(StoreSettings.of(dir.resolve("s.db")))) {
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
        try (var store = SqliteStore.open(StoreSettings.of(dir.resolve("s.db")))) {
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
        try (var store = SqliteStore.open(StoreSettings.of(dir.resolve("s.db")))) {
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
        try (var store = SqliteStore.open(StoreSettings.of(dir.resolve("s.db")))) {
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
}
