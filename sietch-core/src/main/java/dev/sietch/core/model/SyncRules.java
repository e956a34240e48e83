package dev.sietch.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What follows from a new ranking for the community, given its state inside the sync's transaction:
 * the council brought in line ({@link NaibCouncil}); an eligibility alert for each waitlist
 * registration whose wallet reached the member ranks; and — except at the bootstrap, which has no
 * previous standing to compare with — the non-critical alerts ({@link AlertPlanner}). Pure: the
 * store reads the {@link CommunityView} and writes the {@link SyncDecisions}.
 */
public final class SyncRules {

    private SyncRules() {}

    /** The decision of a sync from {@code previous} to {@code ranking} at {@code now}. */
    public static Function<CommunityView, SyncDecisions> decider(Ranking previous, Ranking ranking, RankingPolicy policy,
            boolean bootstrap, Instant now) {
        return view -> decide(view, previous, ranking, policy, bootstrap, now);
    }

    public static SyncDecisions decide(CommunityView view, Ranking previous, Ranking ranking, RankingPolicy policy,
            boolean bootstrap, Instant now) {
        NaibCouncil.Outcome council = NaibCouncil.apply(policy.naibSeats(), view.council(), now);
        List<QueuedAlert> alerts = new ArrayList<>(council.alerts());
        for (CommunityView.WaitlistEntry entry : view.waitlist()) {
            ranking.find(entry.wallet()).filter(RankedWallet::member).ifPresent(w -> alerts.add(QueuedAlert.toWaitlisted(
                    entry.discordUserId(), AlertType.WAITLIST_ELIGIBLE,
                    AuditEntry.data("position", w.rank(), "wallet", entry.wallet().truncated()),
                    entry.registrationId())));
        }
        if (!bootstrap) {
            alerts.addAll(AlertPlanner.plan(previous, ranking, policy, view.council().standings(), view.preferences(),
                    view.counters(), council.council(), now));
        }
        return new SyncDecisions(council.changes(), council.audit(), alerts);
    }
}
