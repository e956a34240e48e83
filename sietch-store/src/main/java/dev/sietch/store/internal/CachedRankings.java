package dev.sietch.store.internal;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.RankingReader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current ranking held in memory for the API's hot paths ({@code /eligibility/{address}} is
 * what Collab.Land calls for every member): one immutable copy per committed sync. Reads never
 * touch the database once the first copy is loaded, so they may run on an I/O thread:
 * <ul>
 *   <li>a sync committed by this process is loaded by the committing thread, after its commit,
 *       and then swapped in;
 *   <li>one committed by another process (e.g. {@code sietch sync --once} beside {@code serve}) is
 *       noticed by a background check every {@link #RECHECK_NANOS} and loaded there;
 *   <li>until a new copy is swapped in, readers answer from the previous one.
 * </ul>
 * Only the very first read (nothing loaded yet) waits for the load.
 */
final class CachedRankings implements RankingReader, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CachedRankings.class);

    /** How often the background check asks the database whether another process committed a sync. */
    static final long RECHECK_NANOS = 1_000_000_000L;

    /** One sync's ranking. */
    private record Copy(long syncId, Ranking ranking) {

        List<RankedWallet> byRank() {
            return ranking.wallets();
        }
    }

    private final Database db;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile Copy copy;
    private ScheduledExecutorService checker; // started with the first read; guarded by loading

    CachedRankings(Database db) {
        this.db = db;
    }

    /** Called after this process commits a sync (or fails to): loads the committed ranking now, in this thread. */
    void invalidate() {
        if (copy != null) {
            reloadIfChanged();
        }
    }

    @Override
    public Optional<RankedWallet> find(WalletAddress wallet) {
        return current().ranking().find(wallet);
    }

    /** The ranking of sync {@code syncId}, if it is the one held (the sync reads it instead of loading it again). */
    Optional<Ranking> held(long syncId) {
        Copy held = copy;
        return held != null && held.syncId() == syncId ? Optional.of(held.ranking()) : Optional.empty();
    }

    @Override
    public List<RankedWallet> upToRank(int lastRank) {
        List<RankedWallet> all = current().byRank();
        int end = 0;
        while (end < all.size() && all.get(end).rank() <= lastRank) {
            end++;
        }
        return all.subList(0, end);
    }

    @Override
    public Optional<RankedWallet> atRank(int rank) {
        List<RankedWallet> all = current().byRank(); // ranks are 1..n without gaps
        return rank >= 1 && rank <= all.size() && all.get(rank - 1).rank() == rank
                ? Optional.of(all.get(rank - 1))
                : RankingReader.super.atRank(rank);
    }

    @Override
    public List<RankedWallet> members() {
        return current().byRank().stream().filter(RankedWallet::member).toList();
    }

    private Copy current() {
        Copy held = copy;
        if (held != null) {
            return held;
        }
        loading.lock();
        try {
            if (copy == null) {
                copy = load();
                startChecker();
            }
            return copy;
        } finally {
            loading.unlock();
        }
    }

    private void reloadIfChanged() {
        loading.lock();
        try {
            long latest = db.read(handle -> handle.attach(Daos.RankingDao.class).lastSyncId()).orElse(0L);
            if (copy == null || copy.syncId() != latest) {
                copy = load();
            }
        } finally {
            loading.unlock();
        }
    }

    private Copy load() {
        return db.read(handle -> new Copy(handle.attach(Daos.RankingDao.class).lastSyncId().orElse(0L),
                Ranking.of(handle.createQuery("SELECT wallet, rank, held, role, member FROM current_ranking ORDER BY rank")
                        .map((rs, ctx) -> Mapping.ranked(rs)).list())));
    }

    private void startChecker() {
        if (checker != null) {
            return;
        }
        checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sietch-ranking-check");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(() -> {
            try {
                reloadIfChanged();
            } catch (RuntimeException e) {
                log.warn("Could not check the database for a newer ranking: {}", e.toString());
            }
        }, RECHECK_NANOS, RECHECK_NANOS, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        loading.lock();
        try {
            if (checker != null) {
                checker.shutdownNow();
            }
        } finally {
            loading.unlock();
        }
    }
}
