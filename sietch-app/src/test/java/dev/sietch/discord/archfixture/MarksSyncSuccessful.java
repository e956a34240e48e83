package dev.sietch.discord.archfixture;

import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.port.EligibilityStore;
import java.time.Instant;
import java.util.List;

/** Violates: only the eligibility sync records sync outcomes (the predecessor's weekly job did this). */
public final class MarksSyncSuccessful {
    public void weeklyReset(EligibilityStore store) {
        store.commitFailure(Instant.EPOCH, SyncHealth.NEVER_SYNCED.afterSuccess(Instant.EPOCH).next(), List.of());
    }
}
