package dev.sietch.core.port;

import dev.sietch.core.model.AdminOverride;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.CommunityView;
import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.SyncDecisions;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.SyncRules;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.model.WalletHolding;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/** What the eligibility sync reads and the one transaction it writes. Implemented by the store. */
public interface EligibilityStore {

    /** Every wallet's totals and the ledger block they reflect, read consistently. */
    Ledger readLedger();

    /** The ranking of the last committed sync, and its id; empty before the first sync. */
    LastSync lastSync();

    /** Overrides not deactivated (expired ones included; the ranking checks expiry). */
    List<AdminOverride> activeOverrides();

    SyncHealth syncHealth();

    /**
     * Writes, in one transaction: the ranking (replacing the previous one), a snapshot of it, the
     * audit rows, one outbox row per announcement and the new sync health; then, in the same
     * transaction, reads the {@link CommunityView} against the new ranking, asks {@code decide} what
     * follows from it (seat changes, their audit rows, alerts: {@link SyncRules}) and writes that. The
     * store decides nothing itself.
     *
     * @return the new sync's id
     * @throws ConcurrentSyncException if another sync committed since {@code commit.basedOn()}
     */
    long commitSync(SyncCommit commit, Function<CommunityView, SyncDecisions> decide);

    /** Records a failed sync attempt (new health and its audit rows) in one transaction. */
    void commitFailure(Instant at, SyncHealth health, List<AuditEntry> audit);

    record Ledger(List<WalletHolding> holdings, OptionalLong block) {
        public Ledger {
            holdings = List.copyOf(holdings);
            Objects.requireNonNull(block, "block");
        }
    }

    /** @param syncId empty before the first sync (the next sync is then the bootstrap) */
    record LastSync(OptionalLong syncId, Ranking ranking) {
        public static final LastSync NONE = new LastSync(OptionalLong.empty(), Ranking.EMPTY);
    }

    /**
     * @param basedOn the sync whose ranking {@code previous} is (empty for the first sync)
     * @param previous that sync's ranking, so only the wallets whose entry changed are rewritten
     * @param threshold the entry threshold and waitlist of {@code ranking}, kept as history
     * @param weekStart the start of the alert week at {@code at}, from which {@link CommunityView#counters()} count
     */
    record SyncCommit(
            Instant at,
            OptionalLong basedOn,
            Ranking previous,
            Ranking ranking,
            List<EligibilityChange> announcements,
            List<AuditEntry> audit,
            SyncHealth health,
            OptionalLong ledgerBlock,
            Threshold threshold,
            Instant weekStart) {
        public SyncCommit {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(basedOn, "basedOn");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(ranking, "ranking");
            announcements = List.copyOf(announcements);
            audit = List.copyOf(audit);
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(ledgerBlock, "ledgerBlock");
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(weekStart, "weekStart");
        }
    }
}
