package dev.sietch.core.usecase;

import dev.sietch.core.model.AlertRules;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.EligibilityDiff;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.SyncRules;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.port.ChainUnavailableException;
import dev.sietch.core.port.EligibilityStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The eligibility sync: catch the ledger up with the chain, rank every wallet, diff against the
 * previous ranking, and commit ranking, snapshot, audit rows, outbox rows and the Naib council's
 * seats ({@link dev.sietch.core.model.NaibCouncil}) in one transaction.
 *
 * <p>The first sync ever is a bootstrap: it records the ranking and announces nothing. Only an
 * unreadable chain counts as a failed sync for the grace period; a database fault is an
 * exception for the caller, and no other code records sync successes.
 */
public final class SyncEligibility {

    private final EligibilityStore store;
    private final Clock clock;
    private final RankingPolicy policy;
    private final Duration gracePeriod;

    public SyncEligibility(EligibilityStore store, Clock clock, RankingPolicy policy, Duration gracePeriod) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
    }

    /** Indexes new chain events, then syncs; a chain failure is recorded and returned, not thrown. */
    public SyncResult run(IndexChainEvents indexer) {
        return run(indexer, progress -> {});
    }

    /** As {@link #run(IndexChainEvents)}, reporting indexing progress after each batch. */
    public synchronized SyncResult run(IndexChainEvents indexer, Consumer<IndexChainEvents.Progress> progress) {
        try {
            indexer.catchUp(progress);
        } catch (ChainUnavailableException e) {
            return recordChainFailure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return sync();
    }

    /** Ranks what the ledger holds now and commits the result. */
    public synchronized SyncResult.Synced sync() {
        Instant now = clock.instant();
        EligibilityStore.Ledger ledger = store.readLedger();
        EligibilityStore.LastSync last = store.lastSync();
        Ranking.Outcome outcome = Ranking.compute(ledger.holdings(), store.activeOverrides(), now, policy);
        boolean bootstrap = last.syncId().isEmpty();
        EligibilityDiff diff = bootstrap ? EligibilityDiff.NONE : EligibilityDiff.between(last.ranking(), outcome);
        SyncHealth.Transition health = store.syncHealth().afterSuccess(now);

        List<AuditEntry> audit = new ArrayList<>();
        diff.changes().forEach(change -> audit.add(auditOf(change)));
        health.graceChange().ifPresent(change -> audit.add(graceAudit(change, now, health.next())));
        Ranking ranking = outcome.ranking();
        int members = ranking.members().size();
        audit.add(new AuditEntry("eligibility_update", AuditEntry.data(
                "ranked", ranking.size(),
                "members", members,
                "added", diff.added().size(),
                "removed", diff.removed().size(),
                "promotedToNaib", diff.promoted().size(),
                "demotedFromNaib", diff.demoted().size(),
                "bootstrap", bootstrap,
                "ledgerBlock", ledger.block().isPresent() ? ledger.block().getAsLong() : null)));

        long syncId = store.commitSync(new EligibilityStore.SyncCommit(
                now, last.syncId(), last.ranking(), ranking, diff.changes(), audit, health.next(), ledger.block(),
                Threshold.of(ranking.wallets(), policy), AlertRules.weekStart(now)),
                SyncRules.decider(last.ranking(), ranking, policy, bootstrap, now));
        return new SyncResult.Synced(syncId, ranking.size(), members, diff, bootstrap, ledger.block(),
                health.graceChange());
    }

    /** Records that the chain could not be read at this attempt. */
    public synchronized SyncResult.ChainUnavailable recordChainFailure(String cause) {
        Instant now = clock.instant();
        SyncHealth.Transition health = store.syncHealth().afterFailure(now, gracePeriod);
        List<AuditEntry> audit = health.graceChange()
                .map(change -> List.of(graceAudit(change, now, health.next())))
                .orElse(List.of());
        store.commitFailure(now, health.next(), audit);
        return new SyncResult.ChainUnavailable(cause, health.next().consecutiveFailures(),
                health.next().inGracePeriod(), health.graceChange());
    }

    private AuditEntry graceAudit(SyncHealth.GraceChange change, Instant now, SyncHealth next) {
        return new AuditEntry(change.auditType(), AuditEntry.data(
                "timestamp", now.toString(),
                "lastSuccessfulSync", next.lastSuccessfulSync().map(Instant::toString).orElse(null),
                "consecutiveFailures", next.consecutiveFailures(),
                "gracePeriodHours", gracePeriod.toHours()));
    }

    static AuditEntry auditOf(EligibilityChange change) {
        return switch (change) {
            case EligibilityChange.Added a -> new AuditEntry(a.kind(), AuditEntry.data(
                    "address", a.wallet().value(), "rank", a.rank(), "role", a.role().wireName(),
                    "bgtHeld", a.held().toString()));
            case EligibilityChange.Removed r -> new AuditEntry(r.kind(), AuditEntry.data(
                    "address", r.wallet().value(), "previousRank", r.previousRank(),
                    "previousRole", r.previousRole().wireName(), "reason", r.reason().wireName(),
                    "currentRank", r.currentRank().isPresent() ? r.currentRank().getAsInt() : null));
            case EligibilityChange.Promoted p -> new AuditEntry(p.kind(), AuditEntry.data(
                    "address", p.wallet().value(), "newRank", p.rank(),
                    "previousRank", p.previousRank().isPresent() ? p.previousRank().getAsInt() : null,
                    "previousRole", p.previousRole().wireName()));
            case EligibilityChange.Demoted d -> new AuditEntry(d.kind(), AuditEntry.data(
                    "address", d.wallet().value(), "previousRank", d.previousRank(),
                    "newRank", d.rank().isPresent() ? d.rank().getAsInt() : null, "newRole", d.role().wireName()));
        };
    }
}
