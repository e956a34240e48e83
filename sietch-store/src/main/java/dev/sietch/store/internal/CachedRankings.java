package dev.sietch.store.internal;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.RankingReader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The current ranking held in memory for the API's hot paths ({@code /eligibility/{address}} is
 * what Collab.Land calls for every member): one immutable copy per committed sync, read without
 * touching the database. A sync committed by this process replaces it at once; one committed by
 * another process (e.g. {@code sietch sync --once} beside {@code serve}) is noticed within
 * {@link #RECHECK_NANOS} by one cheap query for the latest sync id, made by one reader while the
 * others keep answering from the copy they have.
 */
final class CachedRankings implements RankingReader {

    /** How often a reader asks the database whether another process committed a sync. */
    static final long RECHECK_NANOS = 1_000_000_000L;

    /** One sync's ranking. */
    private record Copy(long syncId, Ranking ranking) {

        List<RankedWallet> byRank() {
            return ranking.wallets();
        }
    }

    private final SqliteDatabase db;
    private final LongSupplier nanoTime;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Copy copy;
    private volatile long checkedAt;
    private volatile boolean stale;

    CachedRankings(SqliteDatabase db, LongSupplier nanoTime) {
        this.db = db;
        this.nanoTime = nanoTime;
    }

    /**
     * Called after this process commits a sync: the next read reloads the ranking. Readers that
     * arrive while one reloads keep answering from the previous copy (never blocked by the load).
     */
    void invalidate() {
        checkedAt = nanoTime.getAsLong() - RECHECK_NANOS - 1;
        stale = true;
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
        long now = nanoTime.getAsLong();
        if (held != null && now - checkedAt < RECHECK_NANOS) {
            return held;
        }
        if (held != null && !refreshing.tryLock()) {
            return held; // another reader is checking; this one answers from the copy it has
        }
        if (held == null) {
            refreshing.lock();
        }
        try {
            Copy latest = copy;
            boolean reload = stale;
            stale = false;
            long syncId = db.read(handle -> handle.attach(Daos.RankingDao.class).lastSyncId()).orElse(0L);
            if (latest == null || reload || latest.syncId() != syncId) {
                latest = db.read(handle -> new Copy(handle.attach(Daos.RankingDao.class).lastSyncId().orElse(0L),
                        Ranking.of(handle.createQuery("SELECT wallet, rank, held, role, member FROM current_ranking ORDER BY rank")
                                .map((rs, ctx) -> Mapping.ranked(rs)).list())));
                copy = latest;
            }
            if (!stale) { // an invalidation during this check asks the next reader to look again
                checkedAt = nanoTime.getAsLong();
            }
            return latest;
        } finally {
            refreshing.unlock();
        }
    }
}
