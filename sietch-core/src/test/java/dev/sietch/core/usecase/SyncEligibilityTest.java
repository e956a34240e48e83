package dev.sietch.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.AdminOverride;
import dev.sietch.core.model.AlertType;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.ChainEvent;
import dev.sietch.core.model.CommunityView;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.NaibCouncil;
import dev.sietch.core.model.QueuedAlert;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.SyncDecisions;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.model.WalletHolding;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.EligibilityStore;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The sync use case against an in-memory store: what it commits and what its rules decide. */
final class SyncEligibilityTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z"); // a Wednesday

    /** Holds one ledger and the commits; hands the decider a view of one onboarded member per wallet given. */
    private static final class MemoryEligibilityStore implements EligibilityStore {
        List<WalletHolding> holdings = new ArrayList<>();
        final List<SyncCommit> commits = new ArrayList<>();
        final List<SyncDecisions> decisions = new ArrayList<>();
        final List<NaibCouncil.Seat> seats = new ArrayList<>();
        List<Integer> onboardedWallets = List.of();
        SyncHealth health = SyncHealth.NEVER_SYNCED;
        LastSync last = LastSync.NONE;

        @Override
        public Ledger readLedger() {
            return new Ledger(holdings, OptionalLong.of(100));
        }

        @Override
        public LastSync lastSync() {
            return last;
        }

        @Override
        public List<AdminOverride> activeOverrides() {
            return List.of();
        }

        @Override
        public SyncHealth syncHealth() {
            return health;
        }

        @Override
        public long commitSync(SyncCommit commit, Function<CommunityView, SyncDecisions> decide) {
            commits.add(commit);
            var standings = onboardedWallets.stream().map(n -> new NaibCouncil.Standing(new MemberId("m" + n), true, NOW.minusSeconds(n),
                    commit.ranking().find(wallet(n)))).toList();
            SyncDecisions decided = decide.apply(new CommunityView(new NaibCouncil.Snapshot(seats, standings), Map.of(),
                    Map.of(), List.of()));
            decisions.add(decided);
            for (NaibCouncil.Change change : decided.seatChanges()) {
                switch (change) {
                    case NaibCouncil.Seated s -> seats.add(new NaibCouncil.Seat(seats.size() + 1, s.seatNumber(), s.memberId(), NOW));
                    case NaibCouncil.Unseated u -> seats.removeIf(seat -> seat.seatId() == u.seatId());
                }
            }
            health = commit.health();
            last = new LastSync(OptionalLong.of(commits.size()), commit.ranking());
            return commits.size();
        }

        @Override
        public void commitFailure(Instant at, SyncHealth health, List<AuditEntry> audit) {
            this.health = health;
        }
    }

    private static WalletAddress wallet(int n) {
        return WalletAddress.of(String.format("0x%040x", n));
    }

    private static WalletHolding holding(int n, long bgt) {
        return new WalletHolding(wallet(n), new Wei(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(bgt))), Wei.ZERO,
                Optional.of(new ChainEvent.EventId(n, "0xtx" + n, 0)));
    }

    private final MemoryEligibilityStore store = new MemoryEligibilityStore();
    private final SyncEligibility sync = new SyncEligibility(store, Clock.fixed(NOW, ZoneOffset.UTC),
            RankingPolicy.DEFAULT, Duration.ofHours(24));

    @Test
    void theBootstrapCommitsTheRankingAndSeatsTheCouncil_announcingNothingAndQueuingNoNonCriticalAlert() {
        // given: ten holders, three onboarded
        for (int n = 1; n <= 10; n++) {
            store.holdings.add(holding(n, 100 - n));
        }
        store.onboardedWallets = List.of(1, 2, 9);

        // when
        var result = sync.sync();

        // then
        assertThat(result.bootstrap()).isTrue();
        EligibilityStore.SyncCommit commit = store.commits.getFirst();
        assertThat(commit.announcements()).isEmpty();
        assertThat(commit.weekStart()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(commit.ranking().size()).isEqualTo(10);
        assertThat(store.decisions.getFirst().alerts()).extracting(QueuedAlert::type).containsOnly(AlertType.NAIB_SEATED);
        assertThat(store.seats).extracting(s -> s.memberId().value()).containsExactly("m1", "m2", "m9");
    }

    @Test
    void aLaterSyncAnnouncesTheNewHolder_andPlansPositionUpdatesForOnboardedMembers() {
        // given: a bootstrap with two holders, then a third arrives
        store.holdings.add(holding(1, 50));
        store.holdings.add(holding(2, 40));
        store.onboardedWallets = List.of(1);
        sync.sync();
        store.holdings.add(holding(3, 45));

        // when
        var result = sync.sync();

        // then
        assertThat(result.bootstrap()).isFalse();
        assertThat(store.commits.get(1).announcements()).extracting(c -> c.wallet()).contains(wallet(3));
        assertThat(store.commits.get(1).basedOn()).isEqualTo(OptionalLong.of(1));
        assertThat(store.decisions.get(1).alerts()).extracting(a -> a.type() + ":" + a.recipientId())
                .containsExactly("POSITION_UPDATE:m1");
        assertThat(store.decisions.get(1).seatChanges()).isEmpty(); // m1 keeps the seat taken at the bootstrap
    }
}
