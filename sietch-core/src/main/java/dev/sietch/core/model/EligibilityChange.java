package dev.sietch.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/** One change between two rankings that members are told about. */
public sealed interface EligibilityChange {

    WalletAddress wallet();

    /** The audit and outbox name: {@code member_added}, {@code member_removed}, {@code naib_promotion}, {@code naib_demotion}. */
    String kind();

    /** A wallet became a member. */
    record Added(WalletAddress wallet, int rank, Role role, Wei held) implements EligibilityChange {
        public Added {
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(held, "held");
        }

        @Override
        public String kind() {
            return "member_added";
        }
    }

    /** A member is no longer one. {@code currentRank} is empty when the wallet is not ranked at all now. */
    record Removed(WalletAddress wallet, int previousRank, Role previousRole, Reason reason, OptionalInt currentRank)
            implements EligibilityChange {
        public Removed {
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(previousRole, "previousRole");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(currentRank, "currentRank");
        }

        @Override
        public String kind() {
            return "member_removed";
        }
    }

    /** A wallet took a Naib rank. {@code previousRank} is empty when it was not ranked before. */
    record Promoted(WalletAddress wallet, int rank, OptionalInt previousRank, Role previousRole)
            implements EligibilityChange {
        public Promoted {
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(previousRank, "previousRank");
            Objects.requireNonNull(previousRole, "previousRole");
        }

        @Override
        public String kind() {
            return "naib_promotion";
        }
    }

    /** A Naib lost the Naib rank; {@code rank} is empty when the wallet is not ranked at all now. */
    record Demoted(WalletAddress wallet, int previousRank, OptionalInt rank, Role role) implements EligibilityChange {
        public Demoted {
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(rank, "rank");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String kind() {
            return "naib_demotion";
        }
    }

    /** Why a member was removed. */
    enum Reason {
        /** Still ranked, but below the member cut-off. */
        RANK_CHANGE,
        /** Burned (redeemed) BGT, which disqualifies a wallet for good. */
        REDEMPTION,
        /** An administrator's {@code REMOVE} override. */
        EXCLUDED,
        /** No longer holds anything the ranking counts (e.g. its claims were undone by a chain reorganisation). */
        NO_HOLDINGS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Reason fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }
}
