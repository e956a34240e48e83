package dev.sietch.core.port;

import dev.sietch.core.model.AdminOverride;
import dev.sietch.core.model.WalletAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Administrators' overrides. Implemented by the store. */
public interface AdminOverrides {

    AdminOverride create(WalletAddress wallet, AdminOverride.Action action, String reason, String createdBy,
            Instant createdAt, Optional<Instant> expiresAt);

    /** @return false if there is no active override with that id */
    boolean deactivate(long id);

    /** Overrides not deactivated, newest first. */
    List<AdminOverride> active();
}
