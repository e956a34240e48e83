package dev.sietch.core.port;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.WalletAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Which wallet each Discord account has proven it controls. Implemented by the store. */
public interface WalletLinks {

    /**
     * Links the account to the wallet, replacing the account's previous wallet and the wallet's
     * previous account. Profiles and their history are untouched.
     */
    void link(DiscordUserId discordUserId, WalletAddress wallet, Instant at);

    Optional<WalletAddress> walletOf(DiscordUserId discordUserId);

    /** When the account linked its current wallet. */
    Optional<Instant> linkedAt(DiscordUserId discordUserId);

    /** Every link: Discord user id → wallet. */
    Map<DiscordUserId, WalletAddress> all();
}
