package dev.sietch.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.RankingReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class ReadEligibilityTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** An in-memory ranking of {@code n} wallets, the last one a member by override. */
    private static RankingReader rankings(int n) {
        List<RankedWallet> wallets = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            boolean member = i <= 69 || i == n;
            Role role = i <= 7 ? Role.NAIB : member ? Role.FEDAYKIN : Role.NONE;
            wallets.add(new RankedWallet(WalletAddress.of(String.format("0x%040x", i)), i, Wei.of(1000 - i), role, member));
        }
        return new RankingReader() {
            @Override
            public Optional<RankedWallet> find(WalletAddress wallet) {
                return wallets.stream().filter(w -> w.wallet().equals(wallet)).findFirst();
            }

            @Override
            public List<RankedWallet> upToRank(int lastRank) {
                return wallets.stream().filter(w -> w.rank() <= lastRank).toList();
            }

            @Override
            public List<RankedWallet> members() {
                return wallets.stream().filter(RankedWallet::member).toList();
            }
        };
    }

    @Test
    void listsMemberRanksAndNaibAddresses_withTheLastSuccessAsUpdatedAt() {
        var last = Instant.parse("2026-11-25T06:00:00Z");
        var read = new ReadEligibility(rankings(90),
                () -> new SyncHealth(Optional.of(last), Optional.of(last), 0, Optional.empty(), false),
                RankingPolicy.DEFAULT, CLOCK);

        var list = read.memberList();

        assertThat(list.updatedAt()).isEqualTo(last);
        assertThat(list.gracePeriod()).isFalse();
        assertThat(list.members()).hasSize(69).extracting(RankedWallet::rank).startsWith(1, 2).endsWith(69);
        assertThat(list.naib()).hasSize(7).first().isEqualTo(WalletAddress.of(String.format("0x%040x", 1)));
    }

    @Test
    void answersForKnownAndUnknownWallets_andReportsGrace() {
        var read = new ReadEligibility(rankings(90), () -> SyncHealth.NEVER_SYNCED.afterFailure(NOW, java.time.Duration.ZERO).next(),
                RankingPolicy.DEFAULT, CLOCK);
        var outsider = WalletAddress.of(String.format("0x%040x", 80));
        var addedByOverride = WalletAddress.of(String.format("0x%040x", 90));
        var unknown = WalletAddress.of("0x" + "f".repeat(40));

        assertThat(read.standing(outsider)).isEqualTo(new ReadEligibility.WalletStanding(
                outsider, false, OptionalInt.of(80), Role.NONE, Optional.of(Wei.of(920))));
        assertThat(read.standing(addedByOverride).eligible()).isTrue();
        assertThat(read.standing(unknown)).isEqualTo(new ReadEligibility.WalletStanding(
                unknown, false, OptionalInt.empty(), Role.NONE, Optional.empty()));
        assertThat(read.memberList().gracePeriod()).isTrue();
        assertThat(read.memberList().updatedAt()).isEqualTo(NOW); // never synced: now
    }
}
