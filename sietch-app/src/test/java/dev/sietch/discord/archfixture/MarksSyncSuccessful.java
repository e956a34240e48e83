package dev.sietch.discord.archfixture;

import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.port.EligibilityStore;
import java.time.Instant;
import java.util.List;

/** Violates: only the eligibility sync records sync outcomes (a weekly job must not mark the sync healthy). */
public final class MarksSyncSuccessful {
    public void weeklyReset(EligibilityStore store) {
        store.commitFailure(Instant.EPOCH, SyncHealth.NEVER_SYNCED.afterSuccess(Instant.EPOCH).next(), List.of());
    }
}
