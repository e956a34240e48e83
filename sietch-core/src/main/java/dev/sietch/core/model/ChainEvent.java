package dev.sietch.core.model;

import java.util.Objects;

/**
 * An indexed chain log that moves BGT into or out of the ranking: a claim (BGT paid to a wallet by
 * a reward vault) or a burn (a BGT {@code Transfer} to the zero address).
 */
public sealed interface ChainEvent {

    EventId id();

    /** The wallet credited (claim) or debited (burn). */
    WalletAddress wallet();

    Wei amount();

    /** A log's identity on chain: its block, transaction and position in the block. */
    record EventId(long blockNumber, String txHash, int logIndex) implements Comparable<EventId> {
        public EventId {
            Objects.requireNonNull(txHash, "txHash");
            if (blockNumber < 0 || logIndex < 0) {
                throw new IllegalArgumentException("block and log index must not be negative");
            }
        }

        /** Chain order: block, then position in the block. */
        @Override
        public int compareTo(EventId other) {
            int byBlock = Long.compare(blockNumber, other.blockNumber);
            return byBlock != 0 ? byBlock : Integer.compare(logIndex, other.logIndex);
        }
    }

    record Claim(EventId id, WalletAddress wallet, Wei amount) implements ChainEvent {
        public Claim {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(amount, "amount");
        }
    }

    record Burn(EventId id, WalletAddress wallet, Wei amount) implements ChainEvent {
        public Burn {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(amount, "amount");
        }
    }
}
