package dev.sietch.http;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.RankingReader;
import java.util.List;
import java.util.Optional;

/** A ranking held in memory, for serving tests (the store's reader is tested in sietch-store and end to end). */
record InMemoryRankings(List<RankedWallet> ranking) implements RankingReader {

    static final InMemoryRankings EMPTY = new InMemoryRankings(List.of());

    @Override
    public Optional<RankedWallet> find(WalletAddress wallet) {
        return ranking.stream().filter(w -> w.wallet().equals(wallet)).findFirst();
    }

    @Override
    public List<RankedWallet> upToRank(int lastRank) {
        return ranking.stream().filter(w -> w.rank() <= lastRank).toList();
    }

    @Override
    public List<RankedWallet> members() {
        return ranking.stream().filter(RankedWallet::member).toList();
    }
}
