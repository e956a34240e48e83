package dev.sietch.core.port;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.WalletAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The one-time wallet-linking challenges handed out by {@code /verify}. Implemented by the store. */
public interface WalletVerifications {

    void create(Challenge challenge);

    Optional<Challenge> find(String nonce);

    /**
     * In one transaction: marks the challenge used by {@code wallet}, links the challenge's Discord
     * account to the wallet (replacing the account's previous wallet and the wallet's previous
     * account; profiles and history are untouched) and writes a {@code wallet_linked} audit row.
     *
     * @return false, changing nothing, when the challenge was already used or expired by {@code at}
     */
    boolean complete(String nonce, WalletAddress wallet, Instant at);

    /** Links completed since {@code since} whose confirmation nobody has claimed yet, oldest first. */
    java.util.List<Completed> unconfirmed(Instant since, int limit);

    /** Claims the confirmation of a completed link; false when another claim came first. */
    boolean claimConfirmation(String nonce, Instant at);

    /** A completed link: who, which wallet, and the wallet it replaced, if any. */
    record Completed(String nonce, DiscordUserId discordUserId, WalletAddress wallet, Optional<WalletAddress> previous) {
        public Completed {
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(discordUserId, "discordUserId");
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(previous, "previous");
        }
    }

    /** @param usedAt when it was used, if it was */
    record Challenge(String nonce, DiscordUserId discordUserId, Instant createdAt, Instant expiresAt,
            Optional<Instant> usedAt) {
        public Challenge {
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(discordUserId, "discordUserId");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(usedAt, "usedAt");
        }
    }
}
