package dev.sietch.store.internal;

import dev.sietch.core.model.AdminOverride;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.CommunityView;
import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.SyncDecisions;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.model.Wei;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.WalletHolding;
import dev.sietch.core.port.ConcurrentSyncException;
import dev.sietch.core.port.EligibilityStore;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.SyncHealthSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/** The eligibility sync's reads and its one-transaction commit; the ranking read model. */
public final class SqliteEligibilityStore implements EligibilityStore, RankingReader, SyncHealthSource, AutoCloseable {

    private final Database db;
    private final CachedRankings rankings;

    public SqliteEligibilityStore(Database db) {
        this.db = db;
        this.rankings = new CachedRankings(db);
    }

    @Override
    public Ledger readLedger() {
        return db.read(handle -> {
            List<WalletHolding> holdings = handle.createQuery(
                            "SELECT " + SqliteEventLedger.TOTAL_COLUMNS + " FROM wallet_total")
                    .map((rs, ctx) -> SqliteEventLedger.holding(SqliteEventLedger.totalRow(rs)))
                    .list();
            return new Ledger(holdings, SqliteEventLedger.cursor(handle));
        });
    }

    @Override
    public LastSync lastSync() {
        return db.read(handle -> {
            var dao = handle.attach(Daos.RankingDao.class);
            Optional<Long> id = dao.lastSyncId();
            if (id.isEmpty()) {
                return LastSync.NONE;
            }
            Ranking ranking = rankings.held(id.get()).orElseGet(() -> Ranking.of(handle.createQuery(
                            "SELECT wallet, rank, held, role, member FROM current_ranking ORDER BY rank")
                    .map((rs, ctx) -> Mapping.ranked(rs)).list()));
            return new LastSync(OptionalLong.of(id.get()), ranking);
        });
    }

    @Override
    public List<AdminOverride> activeOverrides() {
        return db.read(handle -> handle.attach(Daos.OverrideDao.class).active().stream().map(Mapping::override).toList());
    }

    @Override
    public SyncHealth syncHealth() {
        return current();
    }

    @Override
    public SyncHealth current() {
        return db.read(handle -> handle.attach(Daos.SyncHealthDao.class).find().map(Mapping::health)
                .orElse(SyncHealth.NEVER_SYNCED));
    }

    /** Stops the ranking's background check. */
    @Override
    public void close() {
        rankings.close();
    }

    @Override
    public long commitSync(SyncCommit commit, java.util.function.Function<CommunityView, SyncDecisions> decide) {
        try {
            return commitInTransaction(commit, decide);
        } finally {
            rankings.invalidate(); // the committed ranking is loaded now (or re-checked after a failure)
        }
    }

    private long commitInTransaction(SyncCommit commit, java.util.function.Function<CommunityView, SyncDecisions> decide) {
        return db.write(handle -> {
            Optional<Long> latest = handle.attach(Daos.RankingDao.class).lastSyncId();
            OptionalLong basedOn = commit.basedOn();
            boolean matches = latest.isEmpty() ? basedOn.isEmpty()
                    : basedOn.isPresent() && basedOn.getAsLong() == latest.get();
            if (!matches) {
                throw new ConcurrentSyncException("sync " + latest.orElse(0L) + " committed while this one, based on "
                        + (basedOn.isPresent() ? basedOn.getAsLong() : "none") + ", computed");
            }
            String at = Timestamps.format(commit.at());
            long syncId = handle.createUpdate("""
                    INSERT INTO eligibility_sync (synced_at, ledger_block, ranked, members, bootstrap)
                    VALUES (:at, :block, :ranked, :members, :bootstrap)""")
                    .bind("at", at)
                    .bind("block", commit.ledgerBlock().isPresent() ? commit.ledgerBlock().getAsLong() : null)
                    .bind("ranked", commit.ranking().size())
                    .bind("members", commit.ranking().members().size())
                    .bind("bootstrap", basedOn.isEmpty() ? 1 : 0)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            updateRanking(handle, commit.previous(), commit.ranking(), syncId);
            byte[] snapshot = SnapshotCodec.encode(commit.ranking());
            handle.createUpdate("INSERT INTO ranking_snapshot (sync_id, created_at, wallets, data) VALUES (:id, :at, :n, :data)")
                    .bind("id", syncId).bind("at", at).bind("n", commit.ranking().size()).bind("data", snapshot)
                    .execute();
            insertThreshold(handle, commit.threshold(), syncId, at);
            AuditWriter.write(handle, commit.audit(), at);
            insertOutbox(handle, commit.announcements(), syncId, at);
            SyncDecisions decisions = decide.apply(SyncViews.read(handle, commit.weekStart()));
            SeatReconciler.write(handle, decisions.seatChanges(), commit.at());
            AuditWriter.write(handle, decisions.audit(), at);
            decisions.alerts().forEach(alert -> AlertRows.queue(handle, alert, at));
            writeHealth(handle, commit.health());
            return syncId;
        });
    }

    @Override
    public void commitFailure(Instant at, SyncHealth health, List<AuditEntry> audit) {
        db.write(handle -> {
            AuditWriter.write(handle, audit, Timestamps.format(at));
            writeHealth(handle, health);
            return null;
        });
    }

    /**
     * Rewrites only what changed between {@code previous} (the rows as committed, checked through
     * the sync id) and {@code next}: rows of wallets gone or changed are deleted, then the changed
     * and new rows inserted. Unchanged rows keep their ranks, so no rank is ever held twice.
     */
    private static void updateRanking(Handle handle, Ranking previous, Ranking next, long syncId) {
        List<String> stale = new java.util.ArrayList<>();
        List<RankedWallet> fresh = new java.util.ArrayList<>();
        for (RankedWallet wallet : next.wallets()) {
            Optional<RankedWallet> before = previous.find(wallet.wallet());
            if (before.isEmpty() || !before.get().equals(wallet)) {
                before.ifPresent(b -> stale.add(b.wallet().value()));
                fresh.add(wallet);
            }
        }
        for (RankedWallet wallet : previous.wallets()) {
            if (next.find(wallet.wallet()).isEmpty()) {
                stale.add(wallet.wallet().value());
            }
        }
        if (!stale.isEmpty()) {
            var delete = handle.prepareBatch("DELETE FROM current_ranking WHERE wallet = :wallet");
            stale.forEach(wallet -> delete.bind("wallet", wallet).add());
            delete.execute();
        }
        if (fresh.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("""
                INSERT INTO current_ranking (wallet, rank, held, role, member, sync_id)
                VALUES (:wallet, :rank, :held, :role, :member, :sync)""");
        for (RankedWallet wallet : fresh) {
            batch.bind("wallet", wallet.wallet().value())
                    .bind("rank", wallet.rank())
                    .bind("held", wallet.held().toSortableString())
                    .bind("role", wallet.role().wireName())
                    .bind("member", wallet.member() ? 1 : 0)
                    .bind("sync", syncId)
                    .add();
        }
        batch.execute();
    }

    private static void insertThreshold(Handle handle, Threshold threshold, long syncId, String at) {
        handle.createUpdate("""
                INSERT INTO threshold_snapshot (sync_id, created_at, entry_threshold, eligible_count, waitlist_count,
                    waitlist_top, waitlist_bottom, gap_to_entry)
                VALUES (:id, :at, :entry, :eligible, :waitlist, :top, :bottom, :gap)""")
                .bind("id", syncId)
                .bind("at", at)
                .bind("entry", threshold.entry().map(Wei::toSortableString).orElse(null))
                .bind("eligible", threshold.eligibleCount())
                .bind("waitlist", threshold.waitlistCount())
                .bind("top", threshold.waitlistTop().map(Wei::toSortableString).orElse(null))
                .bind("bottom", threshold.waitlistBottom().map(Wei::toSortableString).orElse(null))
                .bind("gap", threshold.gapToEntry().map(Wei::toSortableString).orElse(null))
                .execute();
    }

    private static void insertOutbox(Handle handle, List<EligibilityChange> changes, long syncId, String at) {
        if (changes.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("""
                INSERT INTO outbox (sync_id, kind, wallet, rank, previous_rank, role, previous_role, reason, held, created_at)
                VALUES (:sync, :kind, :wallet, :rank, :previousRank, :role, :previousRole, :reason, :held, :at)""");
        for (EligibilityChange change : changes) {
            Mapping.OutboxColumns columns = Mapping.columns(change);
            batch.bind("sync", syncId)
                    .bind("kind", change.kind())
                    .bind("wallet", change.wallet().value())
                    .bind("rank", columns.rank())
                    .bind("previousRank", columns.previousRank())
                    .bind("role", columns.role())
                    .bind("previousRole", columns.previousRole())
                    .bind("reason", columns.reason())
                    .bind("held", columns.held())
                    .bind("at", at)
                    .add();
        }
        batch.execute();
    }

    private static void writeHealth(Handle handle, SyncHealth health) {
        handle.attach(Daos.SyncHealthDao.class).update(
                Timestamps.formatOrNull(health.lastSuccessfulSync()),
                Timestamps.formatOrNull(health.lastAttempt()),
                health.consecutiveFailures(),
                Timestamps.formatOrNull(health.failingSince()),
                health.inGracePeriod() ? 1 : 0);
    }

    @Override
    public Optional<RankedWallet> find(WalletAddress wallet) {
        return rankings.find(wallet);
    }

    @Override
    public List<RankedWallet> upToRank(int lastRank) {
        return rankings.upToRank(lastRank);
    }

    @Override
    public Optional<RankedWallet> atRank(int rank) {
        return rankings.atRank(rank);
    }

    @Override
    public List<RankedWallet> members() {
        return rankings.members();
    }
}
