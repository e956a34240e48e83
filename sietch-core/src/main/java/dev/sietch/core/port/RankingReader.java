package dev.sietch.core.port;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.WalletAddress;
import java.util.List;
import java.util.Optional;

/** Reads the current ranking for the API and the bot; never blocked by a running sync. */
public interface RankingReader {

    Optional<RankedWallet> find(WalletAddress wallet);

    /** Ranks 1..{@code lastRank}, in rank order. */
    List<RankedWallet> upToRank(int lastRank);

    /** The wallet at {@code rank}, if the ranking is that long. */
    default Optional<RankedWallet> atRank(int rank) {
        List<RankedWallet> upTo = upToRank(rank);
        return upTo.isEmpty() || upTo.getLast().rank() != rank ? Optional.empty() : Optional.of(upTo.getLast());
    }

    /** Wallets that are members, in rank order (ranks within the cut-off plus {@code ADD} overrides). */
    List<RankedWallet> members();
}
