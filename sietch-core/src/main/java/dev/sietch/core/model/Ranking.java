package dev.sietch.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.time.Instant;

/**
 * Every ranked wallet, in rank order (1..n, no gaps).
 *
 * <p>Rules ({@link #compute}):
 * <ul>
 *   <li>a wallet is ranked if it claimed BGT and never burned any; held = claimed (its burns are 0);
 *   <li>any burn, even 1 wei, disqualifies a wallet; burns by wallets that never claimed are ignored;
 *   <li>order: held descending; ties go to the earlier first claim (block, then log index), then to
 *       the lower address — so the order never depends on how events were delivered;
 *   <li>admin overrides as {@link AdminOverride} describes.
 * </ul>
 */
public final class Ranking {

    private static final Comparator<Candidate> ORDER = Comparator
            .comparing(Candidate::held, Comparator.reverseOrder())
            .thenComparing(Candidate::firstClaim, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Candidate::wallet);

    private final List<RankedWallet> wallets;
    private final Map<WalletAddress, RankedWallet> byWallet;

    private Ranking(List<RankedWallet> wallets) {
        this.wallets = List.copyOf(wallets);
        this.byWallet = new HashMap<>(wallets.size() * 2);
        for (RankedWallet wallet : this.wallets) {
            if (byWallet.put(wallet.wallet(), wallet) != null) {
                throw new IllegalArgumentException("wallet ranked twice: " + wallet.wallet());
            }
        }
    }

    public static final Ranking EMPTY = new Ranking(List.of());

    /** A ranking as stored: entries must be in rank order 1..n. */
    public static Ranking of(List<RankedWallet> inRankOrder) {
        for (int i = 0; i < inRankOrder.size(); i++) {
            if (inRankOrder.get(i).rank() != i + 1) {
                throw new IllegalArgumentException("rank " + (i + 1) + " expected, was " + inRankOrder.get(i).rank());
            }
        }
        return new Ranking(inRankOrder);
    }

    /** Ranks the holdings under the overrides in force at {@code now}. */
    public static Outcome compute(
            Collection<WalletHolding> holdings, Collection<AdminOverride> overrides, Instant now, RankingPolicy policy) {
        Set<WalletAddress> removed = new HashSet<>();
        Set<WalletAddress> added = new HashSet<>();
        for (AdminOverride override : overrides) {
            if (override.appliesAt(now)) {
                (override.action() == AdminOverride.Action.REMOVE ? removed : added).add(override.wallet());
            }
        }
        added.removeAll(removed);

        List<Candidate> candidates = new ArrayList<>(holdings.size() + added.size());
        Set<WalletAddress> burned = new HashSet<>();
        Set<WalletAddress> excluded = new HashSet<>();
        Set<WalletAddress> seen = new HashSet<>(holdings.size() * 2);
        for (WalletHolding holding : holdings) {
            WalletAddress wallet = holding.wallet();
            if (!seen.add(wallet)) {
                throw new IllegalArgumentException("two holdings for " + wallet);
            }
            if (removed.contains(wallet)) {
                excluded.add(wallet);
            } else if (added.contains(wallet)) {
                candidates.add(new Candidate(wallet, holding.held(), holding.firstClaim().orElse(null)));
            } else if (!holding.everClaimed()) {
                continue; // burns (or nothing) without a claim: not part of the ranking
            } else if (holding.everBurned()) {
                burned.add(wallet);
            } else {
                candidates.add(new Candidate(wallet, holding.claimed(), holding.firstClaim().orElseThrow()));
            }
        }
        for (WalletAddress wallet : added) {
            if (!seen.contains(wallet)) {
                candidates.add(new Candidate(wallet, Wei.ZERO, null));
            }
        }
        for (WalletAddress wallet : removed) {
            if (!seen.contains(wallet)) {
                excluded.add(wallet);
            }
        }

        candidates.sort(ORDER);
        List<RankedWallet> ranked = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            int rank = i + 1;
            boolean member = policy.isMemberRank(rank) || added.contains(candidate.wallet());
            Role role = policy.roleOf(rank) == Role.NAIB ? Role.NAIB : member ? Role.FEDAYKIN : Role.NONE;
            ranked.add(new RankedWallet(candidate.wallet(), rank, candidate.held(), role, member));
        }
        return new Outcome(new Ranking(ranked), Set.copyOf(burned), Set.copyOf(excluded));
    }

    /**
     * A computed ranking, and why wallets with holdings are not in it.
     *
     * @param disqualifiedByBurn claimers who burned
     * @param excludedByOverride wallets a {@code REMOVE} override keeps out
     */
    public record Outcome(Ranking ranking, Set<WalletAddress> disqualifiedByBurn, Set<WalletAddress> excludedByOverride) {
        public Outcome {
            Objects.requireNonNull(ranking, "ranking");
        }
    }

    private record Candidate(WalletAddress wallet, Wei held, ChainEvent.EventId firstClaim) {}

    public List<RankedWallet> wallets() {
        return wallets;
    }

    public Optional<RankedWallet> find(WalletAddress wallet) {
        return Optional.ofNullable(byWallet.get(wallet));
    }

    public int size() {
        return wallets.size();
    }

    public boolean isEmpty() {
        return wallets.isEmpty();
    }

    /** The eligible wallets, in rank order. */
    public List<RankedWallet> members() {
        return wallets.stream().filter(RankedWallet::member).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ranking ranking && wallets.equals(ranking.wallets);
    }

    @Override
    public int hashCode() {
        return wallets.hashCode();
    }

    @Override
    public String toString() {
        return "Ranking[" + wallets.size() + " wallets]";
    }
}
