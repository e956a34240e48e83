package dev.sietch.core.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator's exception to the ranking rules.
 *
 * <ul>
 *   <li>{@link Action#REMOVE}: the wallet is left out of the ranking entirely, whatever it holds.
 *   <li>{@link Action#ADD}: the wallet is a member while the override lasts. It is ranked among
 *       everyone by what it holds (claimed − burned, at least 0), even if it burned or never
 *       claimed; its role is Naib if that rank is a Naib rank, otherwise Fedaykin, even when the
 *       rank is beyond the member cut-off.
 * </ul>
 *
 * If a wallet has both, {@code REMOVE} wins. An override applies from its creation until (not
 * including) {@code expiresAt}, compared as instants.
 */
public record AdminOverride(
        long id,
        WalletAddress wallet,
        Action action,
        String reason,
        String createdBy,
        Instant createdAt,
        Optional<Instant> expiresAt,
        boolean active) {

    public enum Action { ADD, REMOVE }

    public AdminOverride {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The audit row of its creation ({@code admin_override}). */
    public AuditEntry createdAudit() {
        var data = new LinkedHashMap<String, Object>();
        data.put("overrideId", id);
        data.put("address", wallet.value());
        data.put("action", action.name().toLowerCase(Locale.ROOT));
        data.put("reason", reason);
        data.put("createdBy", createdBy);
        data.put("expiresAt", expiresAt.map(Instant::toString).orElse(null));
        return new AuditEntry("admin_override", data);
    }

    /** The audit row of a deactivation request ({@code admin_override}, action {@code deactivate}). */
    public static AuditEntry deactivatedAudit(long id, String deactivatedBy) {
        var data = new LinkedHashMap<String, Object>();
        data.put("action", "deactivate");
        data.put("overrideId", id);
        data.put("deactivatedBy", deactivatedBy);
        return new AuditEntry("admin_override", data);
    }

    /** In force at {@code now}: active, and not yet expired (an override expiring at {@code now} is over). */
    public boolean appliesAt(Instant now) {
        return active && expiresAt.map(now::isBefore).orElse(true);
    }
}
