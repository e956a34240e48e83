package dev.sietch.app.bench;

import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.usecase.SyncEligibility;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Sync time and database size for WALLETS wallets and EVENTS events (defaults 100,000 and
 * 1,000,000). Run with sietch-app/src/bench/sync-benchmark.sh; not part of the test suite.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        int wallets = Integer.parseInt(System.getProperty("wallets", "100000"));
        int events = Integer.parseInt(System.getProperty("events", "1000000"));
        int batch = 50_000;
        Path dir = Files.createTempDirectory("sietch-bench");
        Path db = dir.resolve("sietch.db");
        var random = new Random(1);
        try (var store = Store.sqlite(StoreSettings.of(db))) {
            long start = System.nanoTime();
            long block = 0;
            for (int from = 0; from < events; from += batch) {
                List<ChainEvent> list = new ArrayList<>(batch);
                for (int i = from; i < Math.min(events, from + batch); i++) {
                    list.add(event(random, wallets, i, block));
                    if (i % 100 == 99) {
                        block++;
                    }
                }
                store.eventLedger().append(list, java.util.Map.of("bench", block));
            }
            long indexed = System.nanoTime();
            var sync = new SyncEligibility(store.eligibility(), Clock.systemUTC(), RankingPolicy.DEFAULT, Duration.ofHours(24));
            var first = sync.sync();
            long firstSync = System.nanoTime();

            List<ChainEvent> more = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                more.add(event(random, wallets, events + i, block + 1 + i / 100));
            }
            store.eventLedger().append(more, java.util.Map.of("bench", block + 100));
            long appended = System.nanoTime();
            var second = sync.sync();
            long secondSync = System.nanoTime();
            long t0 = System.nanoTime();
            var ledger = store.eligibility().readLedger();
            long t1 = System.nanoTime();
            var last = store.eligibility().lastSync();
            long t2 = System.nanoTime();
            var outcome = dev.sietch.core.model.Ranking.compute(ledger.holdings(), store.eligibility().activeOverrides(),
                    java.time.Instant.now(), RankingPolicy.DEFAULT);
            long t3 = System.nanoTime();
            var diff = dev.sietch.core.model.EligibilityDiff.between(last.ranking(), outcome);
            long t4 = System.nanoTime();
            System.out.printf("(parts of a sync: read ledger %,d ms, read last ranking %,d ms, rank %,d ms, diff %,d ms)%n",
                    ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4));

            System.out.printf("wallets ranked: %,d (%,d members); events: %,d%n", first.ranked(), first.members(), events);
            System.out.printf("index %,d events in batches of %,d: %,d ms%n", events, batch, ms(start, indexed));
            System.out.printf("first sync (bootstrap, full ranking written): %,d ms%n", ms(indexed, firstSync));
            System.out.printf("append 10,000 more events: %,d ms; next sync: %,d ms (%d changes announced)%n",
                    ms(firstSync, appended), ms(appended, secondSync), second.diff().changes().size());
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    var rs = c.createStatement().executeQuery("SELECT avg(length(data)), max(wallets) FROM ranking_snapshot")) {
                rs.next();
                System.out.printf("snapshot size for %,d wallets: %,.0f bytes%n", rs.getInt(2), rs.getDouble(1));
            }
        }
        long size = Files.size(db) + sizeOrZero(dir.resolve("sietch.db-wal"));
        System.out.printf("database size: %,d bytes (%.1f MiB)%n", size, size / 1048576.0);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static ChainEvent event(Random random, int wallets, int i, long block) {
        var wallet = WalletAddress.of(String.format("0x%040x", 1 + random.nextInt(wallets)));
        var id = new ChainEvent.EventId(block, String.format("0x%064x", i), i % 100);
        var amount = new Wei(new BigInteger(50 + random.nextInt(30), random));
        return random.nextInt(200) == 0 ? new ChainEvent.Burn(id, wallet, amount) : new ChainEvent.Claim(id, wallet, amount);
    }

    private static long sizeOrZero(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
