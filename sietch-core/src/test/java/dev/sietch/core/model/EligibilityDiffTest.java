package dev.sietch.core.model;

import static dev.sietch.core.model.Holdings.bgt;
import static dev.sietch.core.model.Holdings.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class EligibilityDiffTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    /** 80 wallets: wallet i holds 1000 - i BGT, so wallet i has rank i. */
    private static Holdings eighty() {
        var holdings = new Holdings();
        for (int i = 1; i <= 80; i++) {
            holdings.claim(wallet(i), bgt(1000 - i), 10);
        }
        return holdings;
    }

    private static Ranking.Outcome outcome(Holdings holdings, AdminOverride... overrides) {
        return Ranking.compute(holdings.holdings(), List.of(overrides), NOW, RankingPolicy.DEFAULT);
    }

    @Test
    void reportsRedemptionAndExclusion_andWhoMovesUpInTheirPlace() {
        // given
        Ranking before = outcome(eighty()).ranking();
        var after = eighty()
                .claim(wallet(75), bgt(2000), 20)      // 75 -> rank 1
                .burn(wallet(3), Wei.of(1), 21);       // a Naib redeems 1 wei

        // when: wallet 5 is excluded by an administrator
        var diff = EligibilityDiff.between(before, outcome(after,
                RankingTest.override(1, wallet(5), AdminOverride.Action.REMOVE, Optional.empty())));

        // then: 3 and 5 leave, 75 enters at the top, so wallet 70 moves up to rank 69 and wallet 8 to rank 7
        assertThat(diff.added()).containsExactly(
                new EligibilityChange.Added(wallet(75), 1, Role.NAIB, bgt(2925)),
                new EligibilityChange.Added(wallet(70), 69, Role.FEDAYKIN, bgt(930)));
        assertThat(diff.promoted()).containsExactly(
                new EligibilityChange.Promoted(wallet(75), 1, OptionalInt.of(75), Role.NONE),
                new EligibilityChange.Promoted(wallet(8), 7, OptionalInt.of(8), Role.FEDAYKIN));
        assertThat(diff.removed()).containsExactly(
                new EligibilityChange.Removed(wallet(3), 3, Role.NAIB, EligibilityChange.Reason.REDEMPTION, OptionalInt.empty()),
                new EligibilityChange.Removed(wallet(5), 5, Role.NAIB, EligibilityChange.Reason.EXCLUDED, OptionalInt.empty()));
        assertThat(diff.demoted()).containsExactly(
                new EligibilityChange.Demoted(wallet(3), 3, OptionalInt.empty(), Role.NONE),
                new EligibilityChange.Demoted(wallet(5), 5, OptionalInt.empty(), Role.NONE));
        assertThat(diff.changes()).hasSize(8).first().isEqualTo(diff.removed().getFirst());
    }

    @Test
    void reportsRankChange_whenANewTopHolderPushesTheLastMemberOut() {
        Ranking before = outcome(eighty()).ranking();

        var diff = EligibilityDiff.between(before, outcome(eighty().claim(wallet(80), bgt(500), 20)));

        assertThat(diff.added()).containsExactly(new EligibilityChange.Added(wallet(80), 1, Role.NAIB, bgt(1420)));
        assertThat(diff.removed()).containsExactly(new EligibilityChange.Removed(
                wallet(69), 69, Role.FEDAYKIN, EligibilityChange.Reason.RANK_CHANGE, OptionalInt.of(70)));
        assertThat(diff.demoted()).containsExactly(new EligibilityChange.Demoted(wallet(7), 7, OptionalInt.of(8), Role.FEDAYKIN));
        assertThat(diff.promoted()).containsExactly(
                new EligibilityChange.Promoted(wallet(80), 1, OptionalInt.of(80), Role.NONE));
    }

    @Test
    void reportsNoHoldings_whenAWalletsEventsAreGone() {
        Ranking before = outcome(eighty()).ranking();
        var withoutWallet2 = new Holdings();
        for (int i = 1; i <= 80; i++) {
            if (i != 2) {
                withoutWallet2.claim(wallet(i), bgt(1000 - i), 10);
            }
        }

        var diff = EligibilityDiff.between(before, outcome(withoutWallet2));

        assertThat(diff.removed()).extracting(EligibilityChange.Removed::wallet, EligibilityChange.Removed::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(wallet(2), EligibilityChange.Reason.NO_HOLDINGS));
    }

    @Test
    void isEmpty_whenNothingChanged() {
        assertThat(EligibilityDiff.between(outcome(eighty()).ranking(), outcome(eighty())).isEmpty()).isTrue();
    }
}
