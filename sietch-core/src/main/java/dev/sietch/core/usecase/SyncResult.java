package dev.sietch.core.usecase;

import dev.sietch.core.model.EligibilityDiff;
import dev.sietch.core.model.SyncHealth;
import java.util.Optional;
import java.util.OptionalLong;

/** The outcome of one eligibility sync. */
public sealed interface SyncResult {

    /**
     * The ranking was recomputed and committed.
     *
     * @param bootstrap the first sync ever: recorded, nothing announced
     * @param diff the changes announced (empty on bootstrap)
     */
    record Synced(long syncId, int ranked, int members, EligibilityDiff diff, boolean bootstrap,
            OptionalLong ledgerBlock, Optional<SyncHealth.GraceChange> graceChange) implements SyncResult {}

    /** The chain could not be read; nothing was recomputed, and the failure counts toward the grace period. */
    record ChainUnavailable(String cause, int consecutiveFailures, boolean inGracePeriod,
            Optional<SyncHealth.GraceChange> graceChange) implements SyncResult {}
}
