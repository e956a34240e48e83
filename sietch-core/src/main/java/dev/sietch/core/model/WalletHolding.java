package dev.sietch.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A wallet's totals over every indexed event.
 *
 * @param firstClaim the wallet's earliest claim, if it ever claimed (the tie-break)
 */
public record WalletHolding(WalletAddress wallet, Wei claimed, Wei burned, Optional<ChainEvent.EventId> firstClaim) {

    public WalletHolding {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(claimed, "claimed");
        Objects.requireNonNull(burned, "burned");
        Objects.requireNonNull(firstClaim, "firstClaim");
    }

    /** Claimed minus burned, floored at zero. */
    public Wei held() {
        return claimed.minusOrZero(burned);
    }

    public boolean everClaimed() {
        return firstClaim.isPresent();
    }

    public boolean everBurned() {
        return !burned.isZero();
    }
}
