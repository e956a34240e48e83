package dev.sietch.core.model;

import java.util.Objects;

/**
 * A wallet's place in the ranking.
 *
 * @param rank 1 for the largest holder; every ranked wallet has one
 * @param member whether the wallet is eligible: its rank is a member rank, or an {@code ADD}
 *     override is in force
 * @param role Naib for Naib ranks; Fedaykin for other members; none otherwise
 */
public record RankedWallet(WalletAddress wallet, int rank, Wei held, Role role, boolean member) {

    public RankedWallet {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(role, "role");
        if (rank < 1) {
            throw new IllegalArgumentException("ranks start at 1, was " + rank);
        }
        if (member == (role == Role.NONE)) {
            throw new IllegalArgumentException("members have a role, non-members none: " + wallet);
        }
    }
}
