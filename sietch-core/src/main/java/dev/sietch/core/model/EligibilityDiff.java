package dev.sietch.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What changed between the previous ranking and a new one, for announcements and the audit log.
 *
 * <ul>
 *   <li>added: a member now that was not one before (absent, or ranked below the cut-off);
 *   <li>removed: a member before that is not one now, with the {@link EligibilityChange.Reason};
 *   <li>promoted: Naib now, not Naib before; demoted: Naib before, not Naib now.
 * </ul>
 * A wallet can be both removed and demoted, or both added and promoted. Lists are in rank order
 * (current rank for added and promoted, previous rank for removed and demoted).
 */
public record EligibilityDiff(
        List<EligibilityChange.Added> added,
        List<EligibilityChange.Removed> removed,
        List<EligibilityChange.Promoted> promoted,
        List<EligibilityChange.Demoted> demoted) {

    public static final EligibilityDiff NONE = new EligibilityDiff(List.of(), List.of(), List.of(), List.of());

    public EligibilityDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        promoted = List.copyOf(promoted);
        demoted = List.copyOf(demoted);
    }

    public static EligibilityDiff between(Ranking previous, Ranking.Outcome current) {
        Ranking now = current.ranking();
        var added = new ArrayList<EligibilityChange.Added>();
        var promoted = new ArrayList<EligibilityChange.Promoted>();
        for (RankedWallet wallet : now.wallets()) {
            Optional<RankedWallet> before = previous.find(wallet.wallet());
            if (wallet.member() && before.map(b -> !b.member()).orElse(true)) {
                added.add(new EligibilityChange.Added(wallet.wallet(), wallet.rank(), wallet.role(), wallet.held()));
            }
            if (wallet.role() == Role.NAIB && before.map(b -> b.role() != Role.NAIB).orElse(true)) {
                promoted.add(new EligibilityChange.Promoted(wallet.wallet(), wallet.rank(),
                        before.map(b -> OptionalInt.of(b.rank())).orElse(OptionalInt.empty()),
                        before.map(RankedWallet::role).orElse(Role.NONE)));
            }
        }
        var removed = new ArrayList<EligibilityChange.Removed>();
        var demoted = new ArrayList<EligibilityChange.Demoted>();
        for (RankedWallet wallet : previous.wallets()) {
            Optional<RankedWallet> after = now.find(wallet.wallet());
            OptionalInt rankNow = after.map(a -> OptionalInt.of(a.rank())).orElse(OptionalInt.empty());
            if (wallet.member() && after.map(a -> !a.member()).orElse(true)) {
                removed.add(new EligibilityChange.Removed(
                        wallet.wallet(), wallet.rank(), wallet.role(), reason(wallet.wallet(), after, current), rankNow));
            }
            if (wallet.role() == Role.NAIB && after.map(a -> a.role() != Role.NAIB).orElse(true)) {
                demoted.add(new EligibilityChange.Demoted(
                        wallet.wallet(), wallet.rank(), rankNow, after.map(RankedWallet::role).orElse(Role.NONE)));
            }
        }
        removed.sort(Comparator.comparingInt(EligibilityChange.Removed::previousRank));
        demoted.sort(Comparator.comparingInt(EligibilityChange.Demoted::previousRank));
        return new EligibilityDiff(added, removed, promoted, demoted);
    }

    private static EligibilityChange.Reason reason(
            WalletAddress wallet, Optional<RankedWallet> after, Ranking.Outcome current) {
        if (after.isPresent()) {
            return EligibilityChange.Reason.RANK_CHANGE;
        }
        if (current.excludedByOverride().contains(wallet)) {
            return EligibilityChange.Reason.EXCLUDED;
        }
        if (current.disqualifiedByBurn().contains(wallet)) {
            return EligibilityChange.Reason.REDEMPTION;
        }
        return EligibilityChange.Reason.NO_HOLDINGS;
    }

    /** Every change, in announcement order: removals and demotions first, then additions and promotions. */
    public List<EligibilityChange> changes() {
        var all = new ArrayList<EligibilityChange>(removed.size() + demoted.size() + added.size() + promoted.size());
        all.addAll(removed);
        all.addAll(demoted);
        all.addAll(added);
        all.addAll(promoted);
        return all;
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && promoted.isEmpty() && demoted.isEmpty();
    }
}
