package dev.sietch.app;

import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.ChainEventSource;
import dev.sietch.core.usecase.IndexChainEvents;
import dev.sietch.core.usecase.SyncEligibility;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

/**
 * The child process of {@link CrashSafetyTest}: indexes block after block of generated events and
 * syncs after each, resuming wherever the database says it stopped, until block {@code BLOCKS}.
 * Args: database path.
 */
final class SyncCrashChild {

    static final int BLOCKS = 120;
    static final int WALLETS = 3_000;

    private SyncCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
        try (var store = Store.sqlite(StoreSettings.of(db), clock)) {
            var indexer = new IndexChainEvents(new GeneratedBlocks(), store.eventLedger());
            var sync = new SyncEligibility(store.eligibility(), clock, RankingPolicy.DEFAULT, Duration.ofHours(24));
            while (true) {
                OptionalLong cursor = store.eventLedger().cursor();
                OptionalLong synced = lastSyncedBlock(db);
                if (cursor.isPresent() && (synced.isEmpty() || synced.getAsLong() < cursor.getAsLong())) {
                    sync.sync();
                } else if (cursor.isEmpty() || cursor.getAsLong() < BLOCKS) {
                    indexer.step();
                } else {
                    break;
                }
            }
        }
    }

    static OptionalLong lastSyncedBlock(Path db) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var rs = c.createStatement().executeQuery("SELECT ledger_block FROM eligibility_sync ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        }
    }

    /** Block n's events: claims to random wallets (some huge), now and then a burn. Same every run. */
    static final class GeneratedBlocks implements ChainEventSource {
        @Override
        public Step next(dev.sietch.core.port.EventLedger.Position position) {
            long block = position.cursors().getOrDefault("generated", 0L) + 1;
            var random = new Random(block);
            List<ChainEvent> events = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                var wallet = WalletAddress.of(String.format("0x%040x", 1 + random.nextInt(WALLETS)));
                var id = new ChainEvent.EventId(block, "0x" + block + "x" + i, i);
                Wei amount = new Wei(new BigInteger(40 + random.nextInt(100), random));
                events.add(random.nextInt(60) == 0 ? new ChainEvent.Burn(id, wallet, amount)
                        : new ChainEvent.Claim(id, wallet, amount));
            }
            return new Batch(events, java.util.Map.of("generated", block), block >= BLOCKS);
        }
    }
}
