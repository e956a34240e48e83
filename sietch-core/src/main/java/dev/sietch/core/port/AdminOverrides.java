package dev.sietch.core.port;

import dev.sietch.core.model.AdminOverride;
import dev.sietch.core.model.WalletAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Administrators' overrides. Implemented by the store; each change and its audit row
 * ({@code admin_override}) are written in one transaction.
 */
public interface AdminOverrides {

    /** Creates the override (active from {@code at}) and its audit row. */
    AdminOverride create(NewOverride request, Instant at);

    /** Deactivates the override and writes its audit row, unless there is no override with that id. */
    Deactivation deactivate(long id, String deactivatedBy, Instant at);

    /** Overrides not deactivated, newest first (expired ones included; see {@link AdminOverride#appliesAt}). */
    List<AdminOverride> active();

    enum Deactivation {
        DEACTIVATED,
        /** It had been deactivated before; nothing changed (the audit row is still written). */
        ALREADY_INACTIVE,
        NOT_FOUND
    }

    record NewOverride(WalletAddress wallet, AdminOverride.Action action, String reason, String createdBy,
            Optional<Instant> expiresAt) {
        public NewOverride {
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(createdBy, "createdBy");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
