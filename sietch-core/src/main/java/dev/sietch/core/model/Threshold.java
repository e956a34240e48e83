package dev.sietch.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry threshold and the waitlist as a ranking shows them: what the last member rank holds,
 * how many wallets hold member and waitlist ranks, and the gap between the last member and the
 * first of the waitlist. All amounts are exact wei.
 *
 * @param entry held at the last member rank (69), if that rank is filled
 * @param waitlist the wallets at waitlist ranks (70-100), in rank order
 */
public record Threshold(Optional<Wei> entry, int eligibleCount, List<RankedWallet> waitlist) {

    public Threshold {
        Objects.requireNonNull(entry, "entry");
        waitlist = List.copyOf(waitlist);
    }

    /** From wallets in rank order that include at least every rank up to the waitlist's end. */
    public static Threshold of(List<RankedWallet> inRankOrder, RankingPolicy policy) {
        Optional<Wei> entry = Optional.empty();
        int eligible = 0;
        var waitlist = new java.util.ArrayList<RankedWallet>();
        for (RankedWallet wallet : inRankOrder) {
            if (wallet.rank() <= policy.memberCutoff()) {
                eligible++;
                if (wallet.rank() == policy.memberCutoff()) {
                    entry = Optional.of(wallet.held());
                }
            } else if (policy.isWaitlistRank(wallet.rank())) {
                waitlist.add(wallet);
            }
        }
        return new Threshold(entry, eligible, waitlist);
    }

    public int waitlistCount() {
        return waitlist.size();
    }

    public Optional<Wei> waitlistTop() {
        return waitlist.isEmpty() ? Optional.empty() : Optional.of(waitlist.getFirst().held());
    }

    public Optional<Wei> waitlistBottom() {
        return waitlist.isEmpty() ? Optional.empty() : Optional.of(waitlist.getLast().held());
    }

    /** What the first waitlisted wallet lacks to reach the entry threshold (entry − rank 70). */
    public Optional<Wei> gapToEntry() {
        return entry.isPresent() && !waitlist.isEmpty()
                ? Optional.of(entry.get().minus(waitlist.getFirst().held()))
                : Optional.empty();
    }

    /** What {@code wallet} lacks to reach the entry threshold, if there is one. */
    public Optional<Wei> distanceToEntry(Wei held) {
        return entry.map(e -> e.minus(held));
    }
}
