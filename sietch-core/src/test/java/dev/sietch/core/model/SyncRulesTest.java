package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The sync's rules without a database: seats, waitlist alerts and the non-critical alerts decided
 * from a {@link CommunityView} and two rankings.
 */
final class SyncRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z"); // a Monday
    private static final Instant NOW = T0.plus(Duration.ofDays(2));
    private static final RankingPolicy POLICY = RankingPolicy.DEFAULT;

    /** Wallet n at rank n, holding (200 − n) BGT plus n wei, so every distance is exact and distinct. */
    private static Ranking ranking(int wallets) {
        var list = new ArrayList<RankedWallet>();
        for (int rank = 1; rank <= wallets; rank++) {
            list.add(entry(rank, rank));
        }
        return Ranking.of(list);
    }

    private static RankedWallet entry(int wallet, int rank) {
        Wei held = new Wei(Holdings.bgt(200 - rank).value().add(BigInteger.valueOf(wallet)));
        return new RankedWallet(Holdings.wallet(wallet), rank, held, POLICY.roleOf(rank), POLICY.isMemberRank(rank));
    }

    private static NaibCouncil.Standing onboarded(Ranking ranking, int wallet) {
        return new NaibCouncil.Standing(new MemberId("m" + wallet), true, T0, ranking.find(Holdings.wallet(wallet)));
    }

    private static CommunityView view(List<NaibCouncil.Seat> seats, List<NaibCouncil.Standing> standings,
            Map<MemberId, AlertPreferences> preferences, Map<MemberId, AlertCounters> counters,
            List<CommunityView.WaitlistEntry> waitlist) {
        return new CommunityView(new NaibCouncil.Snapshot(seats, standings), preferences, counters, waitlist);
    }

    private static List<String> alerts(SyncDecisions decisions) {
        return decisions.alerts().stream().map(a -> a.type().wireName() + ":" + a.recipientId()).toList();
    }

    @Test
    void theBootstrapSeatsTheCouncilAndAlertsWaitlistedWallets_butQueuesNoNonCriticalAlert() {
        // given: three onboarded members, one at-risk, and a waitlist registration whose wallet is now rank 68
        Ranking ranking = ranking(80);
        var standings = List.of(onboarded(ranking, 1), onboarded(ranking, 2), onboarded(ranking, 65));
        var waitlist = List.of(new CommunityView.WaitlistEntry(7, DiscordUserId.of("111111111111111111"), Holdings.wallet(68)),
                new CommunityView.WaitlistEntry(8, DiscordUserId.of("222222222222222222"), Holdings.wallet(75)));

        // when
        SyncDecisions decisions = SyncRules.decide(view(List.of(), standings, Map.of(), Map.of(), waitlist),
                Ranking.EMPTY, ranking, POLICY, true, NOW);

        // then: all three take seats strongest first, wallet 68's registration gets its alert, wallet 75's none
        assertThat(decisions.seatChanges()).extracting(c -> c.memberId().value()).containsExactly("m1", "m2", "m65");
        assertThat(alerts(decisions)).containsExactly("naib_seated:m1", "naib_seated:m2", "naib_seated:m65",
                "waitlist_eligible:111111111111111111");
        QueuedAlert waitlisted = decisions.alerts().getLast();
        assertThat(waitlisted.member()).isFalse();
        assertThat(waitlisted.waitlistRegistration()).isEqualTo(OptionalLong.of(7));
        assertThat(waitlisted.data()).containsEntry("position", 68).containsEntry("wallet", Holdings.wallet(68).truncated());
        assertThat(decisions.audit()).extracting(AuditEntry::type).containsOnly("naib_promotion").hasSize(3);
    }

    @Test
    void anAtRiskWarningIsQueuedOnEnteringTheAtRiskRanks_andNotAgainWhileStaying() {
        // given: member 64 was at rank 60 (wallet 60 at its rank 64), now 64; member 66 was 66 already
        var before = new ArrayList<>(ranking(80).wallets());
        before.set(59, entry(64, 60));
        before.set(63, entry(60, 64));
        Ranking previous = Ranking.of(before);
        Ranking ranking = ranking(80);
        var standings = List.of(onboarded(ranking, 64), onboarded(ranking, 66));
        var counters = Map.of(new MemberId("m64"), new AlertCounters(0, Optional.of(NOW.minus(Duration.ofHours(1))), Optional.empty()),
                new MemberId("m66"), new AlertCounters(0, Optional.of(NOW.minus(Duration.ofHours(1))), Optional.empty()));

        // when
        SyncDecisions decisions = SyncRules.decide(view(List.of(), standings, Map.of(), counters, List.of()), previous,
                ranking, POLICY, false, NOW);

        // then: only the newcomer to the band is warned; position updates are not due (one an hour ago)
        assertThat(alerts(decisions)).filteredOn(a -> !a.startsWith("naib_")).containsExactly("at_risk_warning:m64");
        QueuedAlert warning = decisions.alerts().stream().filter(a -> a.type() == AlertType.AT_RISK_WARNING).findFirst()
                .orElseThrow();
        assertThat(warning.data()).containsEntry("position", 64).containsEntry("positionsAtRisk", 6)
                .containsEntry("distanceToBelow", ranking.wallets().get(63).held().minusOrZero(
                        ranking.wallets().get(64).held()).value().toString());
    }

    @Test
    void positionUpdatesFollowPreferencesSpacingAndTheWeeklyCap() {
        // given: m10 never had one; m11 opted out; m12 reached its weekly cap; m13 had one two days ago at daily frequency
        Ranking ranking = ranking(20);
        var standings = List.of(onboarded(ranking, 10), onboarded(ranking, 11), onboarded(ranking, 12), onboarded(ranking, 13));
        var preferences = Map.of(
                new MemberId("m11"), new AlertPreferences(false, true, true, AlertFrequency.DAILY),
                new MemberId("m13"), new AlertPreferences(true, true, true, AlertFrequency.DAILY));
        var counters = Map.of(
                new MemberId("m12"), new AlertCounters(3, Optional.empty(), Optional.empty()),
                new MemberId("m13"), new AlertCounters(1, Optional.of(NOW.minus(Duration.ofDays(2))), Optional.empty()));
        var seats = List.of(new NaibCouncil.Seat(1, 1, new MemberId("m10"), T0)); // m10 holds seat 1 (the others outrank it: no bump needed)

        // when
        SyncDecisions decisions = SyncRules.decide(view(seats, standings, preferences, counters, List.of()), ranking,
                ranking, new RankingPolicy(1, 69, 63, 70, 100), false, NOW);

        // then
        assertThat(alerts(decisions)).filteredOn(a -> a.startsWith("position_update"))
                .containsExactly("position_update:m10", "position_update:m13");
        QueuedAlert update = decisions.alerts().stream().filter(a -> a.recipientId().equals("m10")
                && a.type() == AlertType.POSITION_UPDATE).findFirst().orElseThrow();
        assertThat(update.data()).containsEntry("position", 10).containsEntry("isNaib", true)
                .containsEntry("distanceToAbove", ranking.wallets().get(8).held().minusOrZero(
                        ranking.wallets().get(9).held()).value().toString());
    }

    @Test
    void theWeakestHolderIsWarnedWhenAChallengerComesWithinTenPercent_onceAWeekAndWithinTheCap() {
        // given: one seat; m1 holds it; m2 (rank 2, within 1 % of m1) has no seat and cannot bump (less BGT)
        Ranking ranking = ranking(5);
        var standings = List.of(onboarded(ranking, 1), onboarded(ranking, 2));
        var seats = List.of(new NaibCouncil.Seat(1, 1, new MemberId("m1"), T0));
        var policy = new RankingPolicy(1, 3, 2, 4, 5);
        var fresh = Map.of(new MemberId("m1"), new AlertCounters(0, Optional.of(NOW), Optional.empty()));
        var warnedRecently = Map.of(new MemberId("m1"), new AlertCounters(0, Optional.of(NOW), Optional.of(NOW.minus(Duration.ofDays(6)))));
        var capped = Map.of(new MemberId("m1"), new AlertCounters(3, Optional.of(NOW), Optional.empty()));

        // when
        SyncDecisions warned = SyncRules.decide(view(seats, standings, Map.of(), fresh, List.of()), ranking, ranking,
                policy, false, NOW);
        SyncDecisions recently = SyncRules.decide(view(seats, standings, Map.of(), warnedRecently, List.of()), ranking,
                ranking, policy, false, NOW);
        SyncDecisions full = SyncRules.decide(view(seats, standings, Map.of(), capped, List.of()), ranking, ranking,
                policy, false, NOW);

        // then
        assertThat(warned.seatChanges()).isEmpty();
        assertThat(alerts(warned)).contains("naib_threat:m1");
        QueuedAlert threat = warned.alerts().stream().filter(a -> a.type() == AlertType.NAIB_THREAT).findFirst().orElseThrow();
        Wei holder = ranking.wallets().get(0).held();
        Wei challenger = ranking.wallets().get(1).held();
        assertThat(threat.data()).containsEntry("seatNumber", 1).containsEntry("bgt", holder.value().toString())
                .containsEntry("challengerBgt", challenger.value().toString())
                .containsEntry("margin", holder.minusOrZero(challenger).value().toString());
        assertThat(alerts(recently)).doesNotContain("naib_threat:m1");
        assertThat(alerts(full)).doesNotContain("naib_threat:m1");
    }

    @Test
    void aBumpUnseatsTheWeakestQueuesBothSeatAlerts_andThePlannerSeesTheNewCouncil() {
        // given: one seat held by m3 (rank 3); m1 (rank 1) finished onboarding and has no seat
        Ranking ranking = ranking(10);
        var standings = List.of(onboarded(ranking, 1), onboarded(ranking, 3));
        var seats = List.of(new NaibCouncil.Seat(40, 1, new MemberId("m3"), T0));
        var counters = Map.of(new MemberId("m3"), new AlertCounters(0, Optional.of(NOW), Optional.empty()),
                new MemberId("m1"), new AlertCounters(0, Optional.empty(), Optional.empty()));

        // when
        SyncDecisions decisions = SyncRules.decide(view(seats, standings, Map.of(), counters, List.of()), ranking,
                ranking, new RankingPolicy(1, 69, 63, 70, 100), false, NOW);

        // then
        assertThat(decisions.seatChanges()).containsExactly(
                new NaibCouncil.Unseated(40, new MemberId("m3"), 1, ranking.wallets().get(2).held(), UnseatReason.BUMPED, Optional.of(new MemberId("m1"))),
                new NaibCouncil.Seated(new MemberId("m1"), 1, ranking.wallets().get(0).held(), Optional.of(new MemberId("m3"))));
        assertThat(alerts(decisions)).startsWith("naib_bump:m3", "naib_seated:m1");
        assertThat(decisions.audit()).extracting(AuditEntry::type).containsExactly("naib_demotion", "naib_promotion");
        QueuedAlert update = decisions.alerts().stream().filter(a -> a.type() == AlertType.POSITION_UPDATE).findFirst()
                .orElseThrow();
        assertThat(update.recipientId()).isEqualTo("m1");
        assertThat(update.data()).containsEntry("isNaib", true);
    }
}
