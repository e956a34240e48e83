package dev.sietch.store;

import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.SyncRules;
import dev.sietch.core.model.AlertRules;
import dev.sietch.core.model.NaibCouncil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.EligibilityStore;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.NaibSeats;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The Naib council in SQLite: filled at a sync, a richer newcomer bumps the weakest holder when
 * finishing onboarding (amounts far above 2^63 wei), a holder who leaves the member ranks is
 * unseated by the next sync and the seat refilled — each with its audit rows and queued alerts.
 */
class NaibSeatsStoreTest extends StoreTestBase {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final BigInteger BIG = BigInteger.TEN.pow(22); // 10,000 BGT

    /** Wallet i holds BIG + held[i-1] wei; ranks by holdings. */
    private static Ranking ranking(long... held) {
        var order = new ArrayList<Integer>();
        for (int i = 0; i < held.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(held[b], held[a]));
        var list = new ArrayList<RankedWallet>();
        for (int rank = 1; rank <= order.size(); rank++) {
            int i = order.get(rank - 1);
            list.add(new RankedWallet(EventLedgerTest.wallet(i + 1), rank, new Wei(BIG.add(BigInteger.valueOf(held[i]))),
                    rank <= 7 ? Role.NAIB : rank <= 69 ? Role.FEDAYKIN : Role.NONE, rank <= 69));
        }
        return Ranking.of(list);
    }

    private static void sync(Store store, Ranking ranking, Instant at) {
        var last = store.eligibility().lastSync();
        store.eligibility().commitSync(new EligibilityStore.SyncCommit(at, last.syncId(), last.ranking(), ranking, List.of(),
                List.of(new AuditEntry("eligibility_update", Map.of())), SyncHealth.NEVER_SYNCED.afterSuccess(at).next(),
                OptionalLong.of(1), Threshold.of(ranking.wallets(), RankingPolicy.DEFAULT), AlertRules.weekStart(at)),
                SyncRules.decider(last.ranking(), ranking, RankingPolicy.DEFAULT, last.syncId().isEmpty(), at));
    }

    /** The council brought in line as a finished onboarding does: seven seats. */
    private static List<NaibCouncil.Change> reconcile(Store store, Instant at) {
        return store.naibSeats().reconcile(at, council -> NaibCouncil.apply(7, council, at));
    }

    private static String member(Store store, int wallet, Instant at) {
        String discord = Integer.toString(1000 + wallet);
        store.walletLinks().link(DiscordUserId.of(discord), EventLedgerTest.wallet(wallet), at);
        var profile = store.members().create(new Members.NewProfile(DiscordUserId.of(discord), "Member" + wallet, Role.FEDAYKIN,
                Optional.empty(), Optional.empty(), PictureSource.NONE), at);
        store.members().completeOnboarding(profile.memberId(), at);
        return profile.memberId().value();
    }

    private static Map<Integer, String> seats(Store store) {
        var seats = new java.util.TreeMap<Integer, String>();
        store.naibSeats().active().forEach(s -> seats.put(s.seatNumber(), s.memberId().value()));
        return seats;
    }

    @Test
    void seatsAreFilledBumpedUnseatedAndRefilled() {
        try (var store = open("s.db")) {
            // nine ranked wallets; members 1..7 onboarded, wallet 3 the weakest of them by one wei
            long[] held = {900, 800, 100, 700, 600, 500, 400, 300, 101};
            var ids = new ArrayList<String>();
            for (int w = 1; w <= 7; w++) {
                ids.add(member(store, w, T0.plusSeconds(w)));
            }
            sync(store, ranking(held), T0.plus(Duration.ofMinutes(1)));
            assertThat(seats(store)).containsExactly(Map.entry(1, ids.get(0)), Map.entry(2, ids.get(1)),
                    Map.entry(3, ids.get(3)), Map.entry(4, ids.get(4)), Map.entry(5, ids.get(5)), Map.entry(6, ids.get(6)),
                    Map.entry(7, ids.get(2)));
            assertThat(store.auditLog().recent(20, Optional.of("naib_promotion"), Optional.empty())).hasSize(7);

            // wallet 9 (one wei more than wallet 3) finishes onboarding: it takes seat 7 from wallet 3
            String newcomer = member(store, 9, T0.plus(Duration.ofMinutes(2)));
            var changes = reconcile(store, T0.plus(Duration.ofMinutes(2)));
            assertThat(changes).hasSize(2);
            assertThat(seats(store)).containsEntry(7, newcomer).doesNotContainValue(ids.get(2));
            NaibSeats.Seat closed = store.naibSeats().history(new MemberId(ids.get(2))).getFirst();
            assertThat(closed.unseatReason()).contains("bumped");
            assertThat(closed.heldAtUnseating()).contains(new Wei(BIG.add(BigInteger.valueOf(100))));
            assertThat(store.members().byId(new MemberId(ids.get(2))).orElseThrow().formerNaib()).isTrue();
            assertThat(store.notifications().history(ids.get(2), 10, Optional.of("naib_bump"))).singleElement()
                    .satisfies(a -> assertThat(a.delivered()).isFalse());
            assertThat(store.notifications().history(newcomer, 10, Optional.of("naib_seated"))).hasSize(1);

            // wallet 1 empties out of the ranks: the next sync unseats it and the best challenger (wallet 3,
            // the former Naib) re-enters in seat 1
            long[] after = {-1, 800, 100, 700, 600, 500, 400, 300, 101};
            var ranked = new ArrayList<>(ranking(after).wallets());
            ranked.removeIf(w -> w.wallet().equals(EventLedgerTest.wallet(1)));
            var renumbered = new ArrayList<RankedWallet>();
            for (int i = 0; i < ranked.size(); i++) {
                RankedWallet w = ranked.get(i);
                renumbered.add(new RankedWallet(w.wallet(), i + 1, w.held(), i < 7 ? Role.NAIB : Role.FEDAYKIN, true));
            }
            sync(store, Ranking.of(renumbered), T0.plus(Duration.ofMinutes(3)));
            assertThat(store.naibSeats().history(new MemberId(ids.get(0))).getFirst().unseatReason()).contains("ineligible");
            assertThat(seats(store)).containsEntry(1, ids.get(2)).hasSize(7);
            assertThat(store.auditLog().recent(20, Optional.of("naib_demotion"), Optional.empty())).hasSize(2);

            // nothing changes without a reason
            assertThat(reconcile(store, T0.plus(Duration.ofMinutes(4)))).isEmpty();
        }
    }
}
