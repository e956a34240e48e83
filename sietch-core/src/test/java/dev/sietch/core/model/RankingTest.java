package dev.sietch.core.model;

import static dev.sietch.core.model.Holdings.bgt;
import static dev.sietch.core.model.Holdings.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class RankingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final RankingPolicy POLICY = RankingPolicy.DEFAULT;

    private static Ranking rank(Holdings holdings, AdminOverride... overrides) {
        return Ranking.compute(holdings.holdings(), List.of(overrides), NOW, POLICY).ranking();
    }

    @Test
    void assignsNaibToRanks1To7_fedaykinTo8To69_andRanksEveryoneElse() {
        // given: 100 wallets holding 100, 99, ..., 1 BGT
        var holdings = new Holdings();
        for (int i = 1; i <= 100; i++) {
            holdings.claim(wallet(i), bgt(101 - i), 10);
        }

        // when
        var ranking = rank(holdings);

        // then
        assertThat(ranking.size()).isEqualTo(100);
        assertThat(ranking.find(wallet(7)).orElseThrow()).isEqualTo(new RankedWallet(wallet(7), 7, bgt(94), Role.NAIB, true));
        assertThat(ranking.find(wallet(8)).orElseThrow().role()).isEqualTo(Role.FEDAYKIN);
        assertThat(ranking.find(wallet(69)).orElseThrow()).isEqualTo(new RankedWallet(wallet(69), 69, bgt(32), Role.FEDAYKIN, true));
        assertThat(ranking.find(wallet(70)).orElseThrow()).isEqualTo(new RankedWallet(wallet(70), 70, bgt(31), Role.NONE, false));
        assertThat(ranking.find(wallet(100)).orElseThrow().rank()).isEqualTo(100);
        assertThat(ranking.members()).hasSize(69);
    }

    @Test
    void addsUpClaimsFromSeveralVaults_acrossAddressCase() {
        // given: the same wallet paid by two vaults, once written checksummed
        var checksummed = WalletAddress.of("0x52908400098527886E0F7030069857D2E4169EE7");
        var holdings = new Holdings()
                .claim(checksummed, bgt(3), 10)
                .claim(WalletAddress.of("0x52908400098527886e0f7030069857d2e4169ee7"), bgt(4), 11)
                .claim(wallet(2), bgt(5), 12);

        // when
        var ranking = rank(holdings);

        // then
        assertThat(ranking.wallets()).extracting(RankedWallet::wallet, RankedWallet::held)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(checksummed, bgt(7)),
                        org.assertj.core.groups.Tuple.tuple(wallet(2), bgt(5)));
    }

    @Test
    void disqualifiesAnyBurnEvenOneWei_andIgnoresBurnsOfNeverClaimers() {
        var holdings = new Holdings()
                .claim(wallet(1), bgt(10), 10)
                .claim(wallet(2), bgt(20), 10)
                .burn(wallet(2), Wei.of(1), 11)
                .burn(wallet(3), bgt(50), 12);

        var outcome = Ranking.compute(holdings.holdings(), List.of(), NOW, POLICY);

        assertThat(outcome.ranking().wallets()).extracting(RankedWallet::wallet).containsExactly(wallet(1));
        assertThat(outcome.disqualifiedByBurn()).containsExactly(wallet(2));
        assertThat(outcome.ranking().find(wallet(3))).isEmpty();
    }

    @Test
    void breaksTiesByEarlierFirstClaimThenAddress() {
        var holdings = new Holdings()
                .claim(wallet(9), bgt(5), 30)   // latest first claim
                .claim(wallet(5), bgt(5), 10)   // earliest first claim
                .claim(wallet(3), bgt(5), 20)
                .claim(wallet(1), bgt(5), 20);  // same block as wallet 3 but a later log index

        var ranking = rank(holdings);

        assertThat(ranking.wallets()).extracting(RankedWallet::wallet)
                .containsExactly(wallet(5), wallet(3), wallet(1), wallet(9));
    }

    @Test
    void ordersAmountsExactlyFarAbove2To63Wei() {
        BigInteger big = BigInteger.ONE.shiftLeft(200);
        var holdings = new Holdings()
                .claim(wallet(1), new Wei(big), 10)
                .claim(wallet(2), new Wei(big.add(BigInteger.ONE)), 11)
                .claim(wallet(3), new Wei(BigInteger.ONE.shiftLeft(63)), 12);

        assertThat(rank(holdings).wallets()).extracting(RankedWallet::wallet)
                .containsExactly(wallet(2), wallet(1), wallet(3));
    }

    @Test
    void removeOverrideExcludes_addOverrideMakesAMemberRankedByWhatItHolds() {
        // given: 80 claimers; wallet 1 is the top holder; wallet 90 burned; wallet 95 never claimed
        var holdings = new Holdings();
        for (int i = 1; i <= 80; i++) {
            holdings.claim(wallet(i), bgt(200 - i), 10);
        }
        holdings.claim(wallet(90), bgt(500), 11).burn(wallet(90), bgt(100), 12);

        // when
        var outcome = Ranking.compute(holdings.holdings(), List.of(
                override(1, wallet(1), AdminOverride.Action.REMOVE, Optional.empty()),
                override(2, wallet(90), AdminOverride.Action.ADD, Optional.empty()),
                override(3, wallet(95), AdminOverride.Action.ADD, Optional.empty())), NOW, POLICY);
        var ranking = outcome.ranking();

        // then
        assertThat(ranking.find(wallet(1))).isEmpty();
        assertThat(outcome.excludedByOverride()).containsExactly(wallet(1));
        // the burned wallet is back, by its net holding (500 - 100), ahead of wallet 2's 198
        assertThat(ranking.find(wallet(90)).orElseThrow())
                .isEqualTo(new RankedWallet(wallet(90), 1, bgt(400), Role.NAIB, true));
        assertThat(ranking.find(wallet(2)).orElseThrow().rank()).isEqualTo(2);
        RankedWallet neverClaimed = ranking.find(wallet(95)).orElseThrow();
        assertThat(neverClaimed.rank()).isEqualTo(ranking.size());
        assertThat(neverClaimed.member()).isTrue();
        assertThat(neverClaimed.role()).isEqualTo(Role.FEDAYKIN);
        assertThat(ranking.members()).hasSize(69 + 1);
    }

    @Test
    void removeWinsOverAdd_andExpiredOrInactiveOverridesDoNothing() {
        var holdings = new Holdings().claim(wallet(1), bgt(10), 10).claim(wallet(2), bgt(9), 10);

        var ranking = rank(holdings,
                override(1, wallet(1), AdminOverride.Action.ADD, Optional.empty()),
                override(2, wallet(1), AdminOverride.Action.REMOVE, Optional.empty()),
                override(3, wallet(2), AdminOverride.Action.REMOVE, Optional.of(NOW)),          // expires now: over
                override(4, wallet(2), AdminOverride.Action.REMOVE, Optional.of(NOW.minusSeconds(1))));

        assertThat(ranking.find(wallet(1))).isEmpty();
        assertThat(ranking.find(wallet(2))).isPresent();
        var inactive = new AdminOverride(5, wallet(2), AdminOverride.Action.REMOVE, "r", "admin", NOW.minusSeconds(60),
                Optional.empty(), false);
        assertThat(rank(holdings, inactive).find(wallet(2))).isPresent();
        assertThat(override(6, wallet(2), AdminOverride.Action.REMOVE, Optional.of(NOW.plusMillis(1))).appliesAt(NOW))
                .isTrue();
    }

    static AdminOverride override(long id, WalletAddress wallet, AdminOverride.Action action, Optional<Instant> expires) {
        return new AdminOverride(id, wallet, action, "reason", "admin", NOW.minusSeconds(3600), expires, true);
    }
}
