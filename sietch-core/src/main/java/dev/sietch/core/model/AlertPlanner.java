package dev.sietch.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The non-critical alerts a sync makes due ({@link AlertRules}) for onboarded members whose linked
 * wallet is in the member ranks: an at-risk warning on entering the at-risk ranks, a position update
 * when its spacing has passed, and a threat warning to the weakest seat holder when the strongest
 * member without a seat comes close. All three count against one weekly cap. Amounts go into the DM
 * only (exact wei strings), never anywhere public. A pure function: the store reads its inputs and
 * queues its result in the sync's transaction.
 */
public final class AlertPlanner {

    private AlertPlanner() {}

    /**
     * @param previous the ranking of the sync before (for entering the at-risk ranks)
     * @param members every onboarded member's standing in {@code ranking}
     * @param preferences by member id; a member without preferences has {@link AlertPreferences#DEFAULT}
     * @param counters by member id; a member without history has {@link AlertCounters#NONE}
     * @param council the seat holders after this sync's seat changes
     */
    public static List<QueuedAlert> plan(Ranking previous, Ranking ranking, RankingPolicy policy,
            List<NaibCouncil.Standing> members, Map<MemberId, AlertPreferences> preferences,
            Map<MemberId, AlertCounters> counters, Collection<NaibCouncil.Holder> council, Instant now) {
        Set<MemberId> seated = council.stream().map(NaibCouncil.Holder::memberId).collect(Collectors.toSet());
        List<RankedWallet> byRank = ranking.wallets();
        var alerts = new ArrayList<QueuedAlert>();
        var queuedThisWeek = new java.util.HashMap<MemberId, Integer>();
        for (NaibCouncil.Standing member : members) {
            Optional<RankedWallet> standing = member.ranked().filter(RankedWallet::member);
            if (!member.onboarded() || standing.isEmpty()) {
                continue;
            }
            RankedWallet w = standing.get();
            MemberId id = member.memberId();
            AlertPreferences prefs = preferences.getOrDefault(id, AlertPreferences.DEFAULT);
            AlertCounters history = counters.getOrDefault(id, AlertCounters.NONE);
            int perWeek = prefs.frequency().perWeek();
            int count = history.queuedThisWeek();
            boolean atRisk = atRisk(w.rank(), policy);
            boolean wasAtRisk = previous.find(w.wallet()).filter(p -> atRisk(p.rank(), policy)).isPresent();
            Optional<Wei> toAbove = w.rank() > 1 ? Optional.of(byRank.get(w.rank() - 2).held().minusOrZero(w.held()))
                    : Optional.empty();
            Optional<Wei> toBelow = w.rank() < byRank.size()
                    ? Optional.of(w.held().minusOrZero(byRank.get(w.rank()).held())) : Optional.empty();
            if (AlertRules.atRiskWarningDue(prefs.atRiskWarnings(), perWeek, count, atRisk, wasAtRisk)) {
                alerts.add(QueuedAlert.toMember(id, AlertType.AT_RISK_WARNING, AuditEntry.data(
                        "position", w.rank(), "bgt", w.held().value().toString(),
                        "distanceToBelow", wei(toBelow), "positionsAtRisk", policy.memberCutoff() - w.rank() + 1)));
                count++;
            }
            if (AlertRules.positionUpdateDue(prefs.positionUpdates(), perWeek, count, history.lastPositionUpdate(), now)) {
                alerts.add(QueuedAlert.toMember(id, AlertType.POSITION_UPDATE, AuditEntry.data(
                        "position", w.rank(), "bgt", w.held().value().toString(),
                        "distanceToAbove", wei(toAbove), "distanceToBelow", wei(toBelow),
                        "isNaib", seated.contains(id))));
                count++;
            }
            queuedThisWeek.put(id, count); // the threat below counts against the same cap
        }
        threat(members, preferences, counters, council, seated, queuedThisWeek, now).ifPresent(alerts::add);
        return List.copyOf(alerts);
    }

    /** The weakest seat holder's warning, when the strongest member without a seat comes close. */
    private static Optional<QueuedAlert> threat(List<NaibCouncil.Standing> members,
            Map<MemberId, AlertPreferences> preferences, Map<MemberId, AlertCounters> counters,
            Collection<NaibCouncil.Holder> council, Set<MemberId> seated, Map<MemberId, Integer> queuedThisWeek,
            Instant now) {
        Optional<NaibCouncil.Holder> weakest = NaibCouncil.weakest(List.copyOf(council));
        Optional<Wei> challenger = members.stream()
                .filter(m -> m.eligible() && !seated.contains(m.memberId()))
                .map(NaibCouncil.Standing::held)
                .max(Wei::compareTo);
        if (weakest.isEmpty() || challenger.isEmpty()) {
            return Optional.empty();
        }
        NaibCouncil.Holder holder = weakest.get();
        AlertPreferences prefs = preferences.getOrDefault(holder.memberId(), AlertPreferences.DEFAULT);
        AlertCounters history = counters.getOrDefault(holder.memberId(), AlertCounters.NONE);
        int queued = queuedThisWeek.getOrDefault(holder.memberId(), history.queuedThisWeek());
        if (!AlertRules.threatDue(prefs.naibAlerts(), prefs.frequency().perWeek(), queued, holder.held(),
                challenger.get(), history.lastThreat(), now)) {
            return Optional.empty();
        }
        return Optional.of(QueuedAlert.toMember(holder.memberId(), AlertType.NAIB_THREAT, AuditEntry.data(
                "seatNumber", holder.seatNumber(), "bgt", holder.held().value().toString(),
                "challengerBgt", challenger.get().value().toString(),
                "margin", holder.held().minusOrZero(challenger.get()).value().toString())));
    }

    private static boolean atRisk(int rank, RankingPolicy policy) {
        return rank >= policy.atRiskFrom() && rank <= policy.memberCutoff();
    }

    private static String wei(Optional<Wei> amount) {
        return amount.map(d -> d.value().toString()).orElse(null);
    }
}
