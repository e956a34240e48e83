package dev.sietch.store.internal;

import dev.sietch.core.model.AdminOverride;
import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.Outbox;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Rows to domain records and back. */
final class Mapping {

    private Mapping() {}

    static SyncHealth health(Rows.SyncHealthRow row) {
        return new SyncHealth(
                Optional.ofNullable(row.lastSuccessAt()).map(Timestamps::parse),
                Optional.ofNullable(row.lastAttemptAt()).map(Timestamps::parse),
                row.consecutiveFailures(),
                Optional.ofNullable(row.failingSince()).map(Timestamps::parse),
                row.inGracePeriod());
    }

    /** A current_ranking row straight from the result set (no intermediate row object for 100k rows). */
    static RankedWallet ranked(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RankedWallet(new WalletAddress(rs.getString("wallet")), rs.getInt("rank"), Wei.parse(rs.getString("held")),
                Role.fromWireName(rs.getString("role")), rs.getInt("member") == 1);
    }

    static RankedWallet ranked(Rows.RankingRow row) {
        return new RankedWallet(new WalletAddress(row.wallet()), row.rank(), Wei.parse(row.held()),
                Role.fromWireName(row.role()), row.member());
    }

    static AdminOverride override(Rows.OverrideRow row) {
        return new AdminOverride(row.id(), new WalletAddress(row.wallet()),
                AdminOverride.Action.valueOf(row.action().toUpperCase(Locale.ROOT)), row.reason(), row.createdBy(),
                Timestamps.parse(row.createdAt()), Optional.ofNullable(row.expiresAt()).map(Timestamps::parse),
                row.active());
    }

    static String action(AdminOverride.Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    /** An outbox row's columns for a change: rank, previous_rank, role, previous_role, reason, held. */
    record OutboxColumns(Integer rank, Integer previousRank, String role, String previousRole, String reason,
            String held) {}

    static OutboxColumns columns(EligibilityChange change) {
        return switch (change) {
            case EligibilityChange.Added a ->
                    new OutboxColumns(a.rank(), null, a.role().wireName(), null, null, a.held().toSortableString());
            case EligibilityChange.Removed r -> new OutboxColumns(boxed(r.currentRank()), r.previousRank(), null,
                    r.previousRole().wireName(), r.reason().wireName(), null);
            case EligibilityChange.Promoted p -> new OutboxColumns(p.rank(), boxed(p.previousRank()),
                    Role.NAIB.wireName(), p.previousRole().wireName(), null, null);
            case EligibilityChange.Demoted d -> new OutboxColumns(boxed(d.rank()), d.previousRank(),
                    d.role().wireName(), Role.NAIB.wireName(), null, null);
        };
    }

    static Outbox.Message message(Rows.OutboxRow row) {
        var wallet = new WalletAddress(row.wallet());
        EligibilityChange change = switch (row.kind()) {
            case "member_added" -> new EligibilityChange.Added(wallet, row.rank(), Role.fromWireName(row.role()),
                    Wei.parse(row.held()));
            case "member_removed" -> new EligibilityChange.Removed(wallet, row.previousRank(),
                    Role.fromWireName(row.previousRole()), EligibilityChange.Reason.fromWireName(row.reason()),
                    optional(row.rank()));
            case "naib_promotion" -> new EligibilityChange.Promoted(wallet, row.rank(), optional(row.previousRank()),
                    Role.fromWireName(row.previousRole()));
            case "naib_demotion" -> new EligibilityChange.Demoted(wallet, row.previousRank(), optional(row.rank()),
                    Role.fromWireName(row.role()));
            default -> throw new IllegalStateException("unknown outbox kind " + row.kind());
        };
        return new Outbox.Message(row.id(), row.syncId(), change, Timestamps.parse(row.createdAt()), row.attempts(),
                java.util.Optional.ofNullable(row.directMessage()).map(Outbox.DirectMessage::fromWireName));
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
