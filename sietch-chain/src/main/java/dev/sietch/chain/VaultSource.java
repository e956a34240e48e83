package dev.sietch.chain;

import java.util.Locale;
import java.util.Objects;

/**
 * A reward vault whose {@code RewardPaid} events are claims.
 *
 * @param address the vault contract, lower-case 0x + 40 hex digits
 * @param event which {@code RewardPaid} it emits
 * @param startBlock the first block to index (the vault's deployment, or where claims begin to count)
 */
public record VaultSource(String address, ClaimEvent event, long startBlock) {

    public VaultSource {
        address = ChainSettings.address(address, "vault address");
        Objects.requireNonNull(event, "event");
        if (startBlock < 0) {
            throw new IllegalArgumentException("vault " + address + ": start block must not be negative");
        }
    }

    /** The ledger's name for this source's cursor. */
    public String sourceName() {
        return "claims:" + address;
    }

    @Override
    public String toString() {
        return address + " (" + event.name().toLowerCase(Locale.ROOT) + ", from block " + startBlock + ")";
    }
}
