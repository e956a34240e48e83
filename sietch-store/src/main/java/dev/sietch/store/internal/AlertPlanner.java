package dev.sietch.store.internal;

import dev.sietch.core.model.AlertRules;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.Notifications;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Queues the position updates and at-risk warnings a sync makes due ({@link AlertRules}), inside the
 * sync's transaction, for onboarded members whose linked wallet is in the member ranks. Amounts go
 * into the DM only (exact wei strings); nothing public.
 */
final class AlertPlanner {

    private AlertPlanner() {}

    private record Standing(String memberId, WalletAddress wallet, boolean positionUpdates, boolean atRiskWarnings,
            int perWeek) {}

    static int queue(Handle h, Ranking previous, Ranking ranking, RankingPolicy policy, Instant at) {
        String now = Timestamps.format(at);
        String weekStart = Timestamps.format(AlertRules.weekStart(at));
        var standings = h.createQuery("""
                        SELECT p.member_id, l.wallet, COALESCE(n.position_updates, 1), COALESCE(n.at_risk_warnings, 1),
                               COALESCE(n.frequency, '3_per_week')
                        FROM member_profile p
                        JOIN wallet_link l ON l.discord_user_id = p.discord_user_id
                        LEFT JOIN notification_preference n ON n.member_id = p.member_id
                        WHERE p.onboarding_complete = 1""")
                .map((rs, ctx) -> new Standing(rs.getString(1), new WalletAddress(rs.getString(2)), rs.getInt(3) == 1,
                        rs.getInt(4) == 1, Notifications.Frequency.of(rs.getString(5))
                                .orElse(Notifications.Frequency.THREE_PER_WEEK).perWeek()))
                .list();
        Map<String, Integer> queuedThisWeek = new HashMap<>();
        h.createQuery("""
                        SELECT recipient_id, count(*) FROM alert_history
                        WHERE recipient_type = 'member' AND sent_at >= :week
                          AND alert_type IN ('position_update', 'at_risk_warning', 'naib_threat')
                        GROUP BY recipient_id""")
                .bind("week", weekStart)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> queuedThisWeek.put(e.getKey(), e.getValue()));
        Map<String, Instant> lastUpdate = new HashMap<>();
        h.createQuery("""
                        SELECT recipient_id, max(sent_at) FROM alert_history
                        WHERE recipient_type = 'member' AND alert_type = 'position_update' GROUP BY recipient_id""")
                .map((rs, ctx) -> Map.entry(rs.getString(1), Timestamps.parse(rs.getString(2))))
                .forEach(e -> lastUpdate.put(e.getKey(), e.getValue()));
        var seated = new java.util.HashSet<>(h.createQuery("SELECT member_id FROM naib_seat WHERE unseated_at IS NULL")
                .mapTo(String.class).list());
        List<RankedWallet> byRank = ranking.wallets();
        int queued = 0;
        for (Standing s : standings) {
            Optional<RankedWallet> now0 = ranking.find(s.wallet()).filter(RankedWallet::member);
            if (now0.isEmpty()) {
                continue;
            }
            RankedWallet w = now0.get();
            int count = queuedThisWeek.getOrDefault(s.memberId(), 0);
            boolean atRisk = w.rank() >= policy.atRiskFrom() && w.rank() <= policy.memberCutoff();
            boolean wasAtRisk = previous.find(s.wallet())
                    .filter(p -> p.rank() >= policy.atRiskFrom() && p.rank() <= policy.memberCutoff()).isPresent();
            Optional<Wei> toAbove = w.rank() > 1 ? Optional.of(byRank.get(w.rank() - 2).held().minusOrZero(w.held()))
                    : Optional.empty();
            Optional<Wei> toBelow = w.rank() < byRank.size()
                    ? Optional.of(w.held().minusOrZero(byRank.get(w.rank()).held())) : Optional.empty();
            if (AlertRules.atRiskWarningDue(s.atRiskWarnings(), s.perWeek(), count, atRisk, wasAtRisk)) {
                insert(h, s.memberId(), "at_risk_warning", AlertRows.data("position", w.rank(), "bgt", w.held().value().toString(),
                        "distanceToBelow", toBelow.map(d -> d.value().toString()).orElse(null),
                        "positionsAtRisk", policy.memberCutoff() - w.rank() + 1), now);
                count++;
                queued++;
            }
            if (AlertRules.positionUpdateDue(s.positionUpdates(), s.perWeek(), count,
                    Optional.ofNullable(lastUpdate.get(s.memberId())), at)) {
                insert(h, s.memberId(), "position_update", AlertRows.data("position", w.rank(), "bgt", w.held().value().toString(),
                        "distanceToAbove", toAbove.map(d -> d.value().toString()).orElse(null),
                        "distanceToBelow", toBelow.map(d -> d.value().toString()).orElse(null),
                        "isNaib", seated.contains(s.memberId())), now);
                count++;
                queued++;
            }
            queuedThisWeek.put(s.memberId(), count); // the threat below counts against the same cap
        }
        return queued + queueThreat(h, policy, weekStart, queuedThisWeek, at);
    }

    /** The weakest seat holder, when the strongest member without a seat comes close. */
    private static int queueThreat(Handle h, RankingPolicy policy, String weekStart, Map<String, Integer> queuedThisWeek,
            Instant at) {
        var weakest = h.createQuery("""
                        SELECT s.member_id, s.seat_number, r.held, COALESCE(n.naib_alerts, 1), COALESCE(n.frequency, '3_per_week')
                        FROM naib_seat s
                        JOIN member_profile p ON p.member_id = s.member_id
                        JOIN wallet_link l ON l.discord_user_id = p.discord_user_id
                        JOIN current_ranking r ON r.wallet = l.wallet
                        LEFT JOIN notification_preference n ON n.member_id = s.member_id
                        WHERE s.unseated_at IS NULL
                        ORDER BY r.held ASC, s.seated_at DESC, s.seat_number DESC LIMIT 1""")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getInt(2), Wei.parse(rs.getString(3)), rs.getInt(4) == 1,
                        Notifications.Frequency.of(rs.getString(5)).orElse(Notifications.Frequency.THREE_PER_WEEK).perWeek()})
                .findOne();
        Optional<Wei> challenger = h.createQuery("""
                        SELECT r.held FROM member_profile p
                        JOIN wallet_link l ON l.discord_user_id = p.discord_user_id
                        JOIN current_ranking r ON r.wallet = l.wallet AND r.member = 1
                        WHERE p.onboarding_complete = 1
                          AND NOT EXISTS (SELECT 1 FROM naib_seat s WHERE s.member_id = p.member_id AND s.unseated_at IS NULL)
                        ORDER BY r.held DESC LIMIT 1""")
                .mapTo(String.class).findOne().map(Wei::parse);
        if (weakest.isEmpty() || challenger.isEmpty()) {
            return 0;
        }
        String memberId = (String) weakest.get()[0];
        Wei held = (Wei) weakest.get()[2];
        Optional<Instant> last = h.createQuery("""
                        SELECT max(sent_at) FROM alert_history WHERE recipient_type = 'member' AND recipient_id = :id
                          AND alert_type = 'naib_threat'""")
                .bind("id", memberId).mapTo(String.class).findOne().map(Timestamps::parse);
        if (!AlertRules.threatDue((boolean) weakest.get()[3], (int) weakest.get()[4],
                queuedThisWeek.getOrDefault(memberId, 0), held, challenger.get(), last, at)) {
            return 0;
        }
        insert(h, memberId, "naib_threat", AlertRows.data("seatNumber", weakest.get()[1], "bgt", held.value().toString(),
                "challengerBgt", challenger.get().value().toString(),
                "margin", held.minusOrZero(challenger.get()).value().toString()), Timestamps.format(at));
        return 1;
    }

    private static void insert(Handle h, String memberId, String type, Map<String, Object> data, String at) {
        AlertRows.queue(h, memberId, true, type, data, at);
    }
}
