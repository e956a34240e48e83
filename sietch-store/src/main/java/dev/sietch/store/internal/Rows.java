package dev.sietch.store.internal;

import org.jspecify.annotations.Nullable;

/** Row records, mapped by Jdbi through their canonical constructors. */
final class Rows {

    private Rows() {}

    record SyncHealthRow(@Nullable String lastSuccessAt, @Nullable String lastAttemptAt, int consecutiveFailures,
            @Nullable String failingSince, boolean inGracePeriod) {}

    record RankingRow(String wallet, int rank, String held, String role, boolean member) {}

    record OverrideRow(long id, String wallet, String action, String reason, String createdBy, String createdAt,
            @Nullable String expiresAt, boolean active) {}

    record OutboxRow(long id, long syncId, String kind, String wallet, @Nullable Integer rank,
            @Nullable Integer previousRank, @Nullable String role, @Nullable String previousRole,
            @Nullable String reason, @Nullable String held, String createdAt, int attempts,
            @Nullable String directMessage) {}

    record TotalRow(String wallet, String claimed, String burned, @Nullable Long firstClaimBlock,
            @Nullable Integer firstClaimLog, @Nullable String firstClaimTx, long events) {}
}
