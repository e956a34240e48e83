package dev.sietch.core.port;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Registrations for the waitlist's eligibility alert. Implemented by the store. */
public interface Waitlist {

    Optional<Registration> activeFor(WalletAddress wallet);

    /** Which of {@code wallets} have an active registration. */
    Set<WalletAddress> registered(Collection<WalletAddress> wallets);

    /** Registers (and writes {@code waitlist_registration}); only active registrations are unique, so a wallet may return. */
    Registration register(DiscordUserId discordUserId, WalletAddress wallet, int position, Wei held, Instant at);

    Optional<Registration> activeForAccount(DiscordUserId discordUserId);

    /** Ends the account's active registration (and writes {@code waitlist_unregistration}); false if it had none. */
    boolean unregister(DiscordUserId discordUserId, Instant at);

    /** Active registrations not yet notified. */
    int pendingCount();

    record Registration(long id, DiscordUserId discordUserId, WalletAddress wallet, int position, Wei held,
            Instant registeredAt, Optional<Instant> notifiedAt) {}
}
