package dev.sietch.store;

import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.SyncRules;
import dev.sietch.core.model.AlertRules;
import dev.sietch.core.model.AlertFrequency;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.QueuedAlert;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.EligibilityStore;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.Notifications;
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

/** Position updates and at-risk warnings queued by syncs, spaced and capped; the weekly reset. */
class AlertQueueStoreTest extends StoreTestBase {

    private static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");

    /** 70 wallets; {@code moved} placed at rank {@code to}. */
    private static Ranking ranking(int moved, int to) {
        var order = new ArrayList<Integer>();
        for (int i = 1; i <= 70; i++) {
            if (i != moved) {
                order.add(i);
            }
        }
        if (moved > 0) {
            order.add(to - 1, moved);
        }
        var list = new ArrayList<RankedWallet>();
        for (int rank = 1; rank <= order.size(); rank++) {
            list.add(new RankedWallet(EventLedgerTest.wallet(order.get(rank - 1)), rank,
                    new Wei(BigInteger.valueOf(1000L - rank).multiply(BigInteger.TEN.pow(18))),
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

    private static List<String> alerts(Store store, String memberId) {
        return store.notifications().history(memberId, 50, Optional.empty()).stream().map(Notifications.Alert::type)
                .filter(t -> !t.startsWith("naib_")).toList();
    }

    @Test
    void syncsQueuePositionUpdatesSpacedAndCapped_andAnAtRiskWarningOnEntering() {
        try (var store = open("s.db")) {
            store.walletLinks().link(DiscordUserId.of("1"), EventLedgerTest.wallet(20), MONDAY);
            var member = store.members().create(new Members.NewProfile(DiscordUserId.of("1"), "Tracked", Role.FEDAYKIN, Optional.empty(),
                    Optional.empty(), PictureSource.NONE), MONDAY);
            store.members().completeOnboarding(member.memberId(), MONDAY);
            String id = member.memberId().value();

            sync(store, ranking(0, 0), MONDAY); // the bootstrap announces nothing
            assertThat(alerts(store, id)).isEmpty();
            sync(store, ranking(0, 0), MONDAY.plus(Duration.ofHours(6)));
            assertThat(alerts(store, id)).containsExactly("position_update");
            var update = store.notifications().history(id, 1, Optional.of("position_update")).getFirst();
            assertThat(update.dataJson()).contains("\"position\":20", "\"bgt\":\"980000000000000000000\"",
                    "\"distanceToAbove\":\"1000000000000000000\"");
            sync(store, ranking(0, 0), MONDAY.plus(Duration.ofHours(12))); // 56 h apart at 3 a week
            assertThat(alerts(store, id)).hasSize(1);

            // moving to rank 65 (at risk: 63-69) warns once; staying there does not repeat it
            sync(store, ranking(20, 65), MONDAY.plus(Duration.ofHours(18)));
            assertThat(alerts(store, id)).containsExactly("at_risk_warning", "position_update");
            sync(store, ranking(20, 66), MONDAY.plus(Duration.ofHours(24)));
            assertThat(alerts(store, id)).hasSize(2);

            // the third of the week comes 56 h after the first; a fourth never (cap 3)
            sync(store, ranking(20, 66), MONDAY.plus(Duration.ofHours(62)));
            assertThat(alerts(store, id)).containsExactly("position_update", "at_risk_warning", "position_update");
            sync(store, ranking(20, 66), MONDAY.plus(Duration.ofHours(140)));
            assertThat(alerts(store, id)).hasSize(3);

            // switched off: nothing
            store.notifications().update(new MemberId(id), new Notifications.Change(Optional.of(false), Optional.of(false),
                    Optional.empty(), Optional.empty()), MONDAY.plus(Duration.ofDays(7)));
            sync(store, ranking(20, 50), MONDAY.plus(Duration.ofDays(8)));
            sync(store, ranking(20, 65), MONDAY.plus(Duration.ofDays(9)));
            assertThat(alerts(store, id)).hasSize(3);
        }
    }

    @Test
    void theWeeklyResetRunsOncePerWeek_andTouchesOnlyTheCounters() {
        try (var store = open("s.db")) {
            var member = store.members().create(new Members.NewProfile(DiscordUserId.of("1"), "Counted", Role.FEDAYKIN, Optional.empty(),
                    Optional.empty(), PictureSource.NONE), MONDAY);
            store.notifications().record(new Notifications.NewAlert(new QueuedAlert.ToMember(member.memberId()), "position_update", "{}", true,
                    Optional.empty(), Optional.empty()), MONDAY);
            sync(store, ranking(0, 0), MONDAY);
            var health = store.syncHealth().current();
            assertThat(store.notifications().preferences(member.memberId(), MONDAY).alertsSentThisWeek()).isEqualTo(1);

            assertThat(store.notifications().resetWeek(MONDAY.plus(Duration.ofDays(7)), MONDAY.plus(Duration.ofDays(7))))
                    .contains(1);
            assertThat(store.notifications().resetWeek(MONDAY.plus(Duration.ofDays(7)), MONDAY.plus(Duration.ofDays(7)).plusSeconds(3600)))
                    .isEmpty();
            assertThat(store.notifications().preferences(member.memberId(), MONDAY).alertsSentThisWeek()).isZero();
            assertThat(store.syncHealth().current()).isEqualTo(health);
            assertThat(store.auditLog().recent(5, Optional.of("weekly_reset"), Optional.empty())).hasSize(1);
        }
    }

    @Test
    void theWeakestSeatHolderIsWarnedWhenAChallengerComesWithinTenPercent_onceAWeek() {
        try (var store = open("s.db")) {
            List<String> ids = council(store);
            sync(store, ranking(0, 0), MONDAY); // bootstrap: seats only
            // ranks hold 999, 998, ...: the weakest holder (rank 7, 993 BGT) and the challenger (992): within 10 %
            sync(store, ranking(0, 0), MONDAY.plus(Duration.ofHours(6)));
            assertThat(store.notifications().history(ids.get(6), 10, Optional.of("naib_threat"))).singleElement()
                    .satisfies(a -> assertThat(a.dataJson()).contains("\"seatNumber\":7", "\"bgt\":\"993000000000000000000\"",
                            "\"challengerBgt\":\"992000000000000000000\"", "\"margin\":\"1000000000000000000\""));
            sync(store, ranking(0, 0), MONDAY.plus(Duration.ofHours(12)));
            assertThat(store.notifications().history(ids.get(6), 10, Optional.of("naib_threat"))).hasSize(1);
            assertThat(store.notifications().history(ids.get(0), 10, Optional.of("naib_threat"))).isEmpty();

            store.notifications().update(new MemberId(ids.get(6)), new Notifications.Change(Optional.empty(), Optional.empty(),
                    Optional.of(false), Optional.empty()), MONDAY.plus(Duration.ofDays(7)));
            sync(store, ranking(0, 0), MONDAY.plus(Duration.ofDays(8)));
            assertThat(store.notifications().history(ids.get(6), 10, Optional.of("naib_threat"))).hasSize(1);
        }
    }

    /** Wallets 1..8 onboarded and linked: after a sync the first seven hold the seats, 8 is the challenger. */
    private static List<String> council(Store store) {
        var ids = new ArrayList<String>();
        for (int w = 1; w <= 8; w++) {
            store.walletLinks().link(DiscordUserId.of(Integer.toString(w)), EventLedgerTest.wallet(w), MONDAY);
            var p = store.members().create(new Members.NewProfile(DiscordUserId.of(Integer.toString(w)), "Seat" + w, Role.FEDAYKIN,
                    Optional.empty(), Optional.empty(), PictureSource.NONE), MONDAY);
            store.members().completeOnboarding(p.memberId(), MONDAY);
            ids.add(p.memberId().value());
        }
        return ids;
    }

    @Test
    void theThreatCountsAgainstTheSameWeeklyCap() {
        try (var store = open("s.db")) {
            List<String> ids = council(store);
            sync(store, ranking(0, 0), MONDAY);
            store.notifications().update(new MemberId(ids.get(6)), new Notifications.Change(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(AlertFrequency.ONE_PER_WEEK)), MONDAY);
            sync(store, ranking(0, 0), MONDAY.plus(Duration.ofHours(6)));
            // one alert a week: the position update takes it, the threat waits
            assertThat(alerts(store, ids.get(6))).containsExactly("position_update");
            assertThat(store.notifications().history(ids.get(6), 10, Optional.of("naib_threat"))).isEmpty();
        }
    }
}
