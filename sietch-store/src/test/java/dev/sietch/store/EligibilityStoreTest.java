package dev.sietch.store;

import dev.sietch.core.model.SyncRules;
import dev.sietch.core.model.AlertRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.core.model.AdminOverride;
import dev.sietch.core.port.AdminOverrides;
import dev.sietch.core.port.AuditLog;
import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Ranking;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.ConcurrentSyncException;
import dev.sietch.core.port.EligibilityStore;
import dev.sietch.core.port.Outbox;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EligibilityStoreTest extends StoreTestBase {

    private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");

    /** Makes every insert into the outbox fail, as a full disk would. */
    void failOutboxInserts(String name) throws Exception {
        try (var c = connect(name)) {
            c.createStatement().execute(
                    "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        }
    }

    String query(String name, String sql) throws Exception {
        try (var c = connect(name); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Ranking ranking(int wallets) {
        List<RankedWallet> list = new ArrayList<>();
        for (int i = 1; i <= wallets; i++) {
            Role role = i <= 7 ? Role.NAIB : i <= 69 ? Role.FEDAYKIN : Role.NONE;
            list.add(new RankedWallet(EventLedgerTest.wallet(i), i,
                    new Wei(BigInteger.ONE.shiftLeft(100).subtract(BigInteger.valueOf(i))), role, i <= 69));
        }
        return Ranking.of(list);
    }

    static EligibilityStore.SyncCommit commit(OptionalLong basedOn, Ranking ranking, List<EligibilityChange> changes) {
        return commit(basedOn, Ranking.EMPTY, ranking, changes);
    }

    static EligibilityStore.SyncCommit commit(OptionalLong basedOn, Ranking previous, Ranking ranking,
            List<EligibilityChange> changes) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ranked", ranking.size());
        data.put("note", "quote \" and\nnewline");
        data.put("none", null);
        return new EligibilityStore.SyncCommit(T0, basedOn, previous, ranking, changes, List.of(new AuditEntry("eligibility_update", data)),
                SyncHealth.NEVER_SYNCED.afterSuccess(T0).next(), OptionalLong.of(123),
                Threshold.of(ranking.wallets(), RankingPolicy.DEFAULT), AlertRules.weekStart(T0));
    }

    /** Commits as the sync does: with the sync's rules deciding what follows from the ranking. */
    static long sync(Store store, EligibilityStore.SyncCommit commit) {
        return store.eligibility().commitSync(commit, SyncRules.decider(commit.previous(), commit.ranking(),
                RankingPolicy.DEFAULT, commit.basedOn().isEmpty(), commit.at()));
    }

    @Test
    void commitsRankingSnapshotAuditOutboxAndHealthTogether() throws Exception {
        try (var store = open("s.db")) {
            // given
            Ranking ranking = ranking(100);
            List<EligibilityChange> changes = List.of(
                    new EligibilityChange.Added(EventLedgerTest.wallet(1), 1, Role.NAIB, ranking.wallets().get(0).held()),
                    new EligibilityChange.Removed(EventLedgerTest.wallet(500), 12, Role.FEDAYKIN,
                            EligibilityChange.Reason.REDEMPTION, OptionalInt.empty()),
                    new EligibilityChange.Promoted(EventLedgerTest.wallet(1), 1, OptionalInt.of(9), Role.FEDAYKIN),
                    new EligibilityChange.Demoted(EventLedgerTest.wallet(8), 7, OptionalInt.of(8), Role.FEDAYKIN));

            // when
            long id = sync(store, commit(OptionalLong.empty(), ranking, changes));

            // then
            var last = store.eligibility().lastSync();
            assertThat(last.syncId()).isEqualTo(OptionalLong.of(id));
            assertThat(last.ranking()).isEqualTo(ranking);
            assertThat(store.snapshot(id)).contains(ranking);
            assertThat(store.rankings().find(EventLedgerTest.wallet(70))).contains(ranking.wallets().get(69));
            assertThat(store.rankings().upToRank(69)).hasSize(69);
            assertThat(store.rankings().members()).hasSize(69);
            assertThat(store.outbox().pending(10)).extracting(m -> m.change()).containsExactlyElementsOf(changes);
            assertThat(store.syncHealth().current().lastSuccessfulSync()).contains(T0);
            assertThat(query("s.db", "SELECT event_data FROM audit_log"))
                    .isEqualTo("{\"ranked\":100,\"note\":\"quote \\\" and\\nnewline\",\"none\":null}");
        }
    }

    @Test
    void rewritesOnlyChangedRows_andEndsWithTheNewRanking() throws Exception {
        try (var store = open("s.db")) {
            // given
            Ranking before = ranking(100);
            long first = sync(store, commit(OptionalLong.empty(), before, List.of()));
            // wallets 3 and 4 swap places, wallet 100 leaves, wallet 101 arrives at the bottom
            List<RankedWallet> list = new ArrayList<>(before.wallets().subList(0, 99));
            RankedWallet three = list.get(2);
            RankedWallet four = list.get(3);
            list.set(2, new RankedWallet(four.wallet(), 3, three.held(), Role.NAIB, true));
            list.set(3, new RankedWallet(three.wallet(), 4, four.held(), Role.NAIB, true));
            list.add(new RankedWallet(EventLedgerTest.wallet(101), 100, Wei.of(1), Role.NONE, false));
            Ranking after = Ranking.of(list);

            // when
            long second = sync(store, commit(OptionalLong.of(first), before, after, List.of()));

            // then
            assertThat(store.eligibility().lastSync().ranking()).isEqualTo(after);
            assertThat(query("s.db", "SELECT count(*) FROM current_ranking WHERE sync_id = " + second)).isEqualTo("3");
        }
    }

    @Test
    void refusesACommitBasedOnAStaleSync_andWritesNothing() {
        try (var store = open("s.db")) {
            long first = sync(store, commit(OptionalLong.empty(), ranking(3), List.of()));
            sync(store, commit(OptionalLong.of(first), ranking(3), ranking(4), List.of()));

            assertThatThrownBy(() -> sync(store, commit(OptionalLong.of(first), ranking(5), List.of())))
                    .isInstanceOf(ConcurrentSyncException.class);
            assertThat(store.eligibility().lastSync().ranking().size()).isEqualTo(4);
        }
    }

    @Test
    void rollsBackEverything_whenAWriteFailsMidCommit() throws Exception {
        try (var store = open("s.db")) {
            // given: a committed sync, and a trigger that makes the outbox insert fail
            long first = sync(store, commit(OptionalLong.empty(), ranking(10), List.of()));
            failOutboxInserts("s.db");
            var change = new EligibilityChange.Added(EventLedgerTest.wallet(11), 11, Role.FEDAYKIN, Wei.of(1));

            // when
            assertThatThrownBy(() -> sync(store, 
                    commit(OptionalLong.of(first), ranking(10), ranking(11), List.of(change))))
                    .isInstanceOf(StoreException.class);

            // then: ranking, snapshots, audit, outbox, health all as after the first sync
            assertThat(store.eligibility().lastSync().ranking()).isEqualTo(ranking(10));
            assertThat(query("s.db", "SELECT count(*) FROM ranking_snapshot")).isEqualTo("1");
            assertThat(query("s.db", "SELECT count(*) FROM eligibility_sync")).isEqualTo("1");
            assertThat(query("s.db", "SELECT count(*) FROM audit_log")).isEqualTo("1");
            assertThat(query("s.db", "SELECT count(*) FROM outbox")).isEqualTo("0");
        }
    }

    @Test
    void rankingReadsSeeOwnCommitsAtOnce_andAnotherProcesssWithinSeconds() throws Exception {
        try (var serving = open("s.db");
                var other = open("s.db")) {
            assertThat(serving.rankings().members()).isEmpty(); // loads the (empty) ranking into memory
            sync(serving, commit(OptionalLong.empty(), ranking(3), List.of()));
            assertThat(serving.rankings().members()).hasSize(3); // its own commit: at once

            long basedOn = other.eligibility().lastSync().syncId().getAsLong();
            sync(other, commit(OptionalLong.of(basedOn), ranking(3), ranking(5), List.of()));

            // another process's commit: picked up by the background check, readers never wait for it
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (serving.rankings().members().size() != 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(serving.rankings().members()).hasSize(5);
            assertThat(serving.rankings().atRank(5)).contains(ranking(5).wallets().get(4));
        }
    }

    @Test
    void storesOverridesWithExactExpiry_andDeactivatesThem() {
        try (var store = open("s.db")) {
            var created = store.overrides().create(new AdminOverrides.NewOverride(EventLedgerTest.wallet(3),
                    AdminOverride.Action.REMOVE, "sybil", "alice",
                    Optional.of(Instant.parse("2026-11-25T18:30:00.123456Z"))), T0);

            assertThat(store.overrides().active()).containsExactly(created);
            assertThat(created.expiresAt()).contains(Instant.parse("2026-11-25T18:30:00.123456Z"));
            assertThat(store.overrides().deactivate(created.id(), "bob", T0))
                    .isEqualTo(AdminOverrides.Deactivation.DEACTIVATED);
            assertThat(store.overrides().deactivate(created.id(), "bob", T0))
                    .isEqualTo(AdminOverrides.Deactivation.ALREADY_INACTIVE);
            assertThat(store.overrides().deactivate(created.id() + 1, "bob", T0))
                    .isEqualTo(AdminOverrides.Deactivation.NOT_FOUND);
            assertThat(store.overrides().active()).isEmpty();
            // one audit row for the creation and one per deactivation request, all in the override's transactions
            assertThat(store.auditLog().recent(10, Optional.of("admin_override"), Optional.empty()))
                    .extracting(AuditLog.Record::dataJson)
                    .containsExactly(
                            "{\"action\":\"deactivate\",\"overrideId\":" + created.id() + ",\"deactivatedBy\":\"bob\"}",
                            "{\"action\":\"deactivate\",\"overrideId\":" + created.id() + ",\"deactivatedBy\":\"bob\"}",
                            "{\"overrideId\":" + created.id() + ",\"address\":\"" + EventLedgerTest.wallet(3).value()
                                    + "\",\"action\":\"remove\",\"reason\":\"sybil\",\"createdBy\":\"alice\","
                                    + "\"expiresAt\":\"2026-11-25T18:30:00.123456Z\"}");
        }
    }

    @Test
    void deliversOutboxMessagesOnce() {
        try (var store = open("s.db")) {
            var change = new EligibilityChange.Added(EventLedgerTest.wallet(1), 1, Role.NAIB, Wei.of(5));
            sync(store, commit(OptionalLong.empty(), ranking(1), List.of(change)));
            var message = store.outbox().pending(10).getFirst();

            assertThat(message.directMessage()).isEmpty();
            assertThat(store.outbox().due(T0, 10)).singleElement().isEqualTo(message);

            store.outbox().markDirectMessage(message.id(), Outbox.DirectMessage.SENT, T0);
            store.outbox().markDirectMessage(message.id(), Outbox.DirectMessage.FALLBACK, T0); // the first outcome stays
            store.outbox().markFailed(message.id(), T0, "discord down", T0.plusSeconds(30));
            assertThat(store.outbox().pending(10)).singleElement().satisfies(m -> {
                assertThat(m.attempts()).isEqualTo(1);
                assertThat(m.directMessage()).contains(Outbox.DirectMessage.SENT);
            });
            assertThat(store.outbox().due(T0.plusSeconds(29), 10)).isEmpty();
            assertThat(store.outbox().due(T0.plusSeconds(30), 10)).hasSize(1);
            assertThat(store.outbox().pendingCount()).isEqualTo(1);
            store.outbox().markDelivered(message.id(), T0.plusSeconds(31));

            assertThat(store.outbox().pending(10)).isEmpty();
            assertThat(store.outbox().pendingCount()).isZero();
        }
    }

    @Test
    void keepsBotState() {
        try (var store = open("s.db")) {
            assertThat(store.botState().get("census")).isEmpty();
            store.botState().put("census", "1", T0);
            store.botState().put("census", "2", T0.plusSeconds(1));
        }
        try (var store = open("s.db")) {
            assertThat(store.botState().get("census")).contains("2");
        }
    }

    @Test
    void claimsBotStateOnlyFromTheValueSeen() {
        try (var store = open("s.db")) {
            var state = store.botState();
            assertThat(state.claim("job.x", java.util.Optional.empty(), "a", T0)).isTrue();
            assertThat(state.claim("job.x", java.util.Optional.empty(), "b", T0)).as("already set").isFalse();
            assertThat(state.claim("job.x", java.util.Optional.of("stale"), "b", T0)).as("changed meanwhile").isFalse();
            assertThat(state.get("job.x")).contains("a");
            assertThat(state.claim("job.x", java.util.Optional.of("a"), "b", T0.plusSeconds(1))).isTrue();
            assertThat(state.get("job.x")).contains("b");
        }
    }

    @Test
    void backsUpWhileOpen_andPrunesOldSnapshots() throws Exception {
        try (var store = sqlite("s.db")) {
            long id = sync(store, commit(OptionalLong.empty(), ranking(50), List.of()));

            store.backupTo(dir.resolve("backups/copy.db"));

            try (var copy = Store.sqlite(StoreSettings.of(dir.resolve("backups/copy.db")))) {
                assertThat(copy.eligibility().lastSync().ranking()).isEqualTo(ranking(50));
                assertThat(query(copy, "PRAGMA integrity_check")).isEqualTo("ok");
            }
            assertThat(store.pruneSnapshots(T0)).isZero();
            assertThat(store.pruneSnapshots(T0.plusSeconds(1))).isEqualTo(1);
            assertThat(store.snapshot(id)).isEmpty();
            assertThatThrownBy(() -> store.backupTo(dir.resolve("backups/copy.db"))).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void readsAreNotBlockedByAWriteInProgress() throws Exception {
        try (var store = open("s.db")) {
            sync(store, commit(OptionalLong.empty(), ranking(10), List.of()));
            // given: another connection holds the write lock mid-transaction
            try (var writer = connect("s.db")) {
                writer.setAutoCommit(false);
                writer.createStatement().execute("DELETE FROM current_ranking");

                // when / then: reads see the last commit, at once (not after the 5 s busy timeout)
                long start = System.nanoTime();
                assertThat(store.rankings().upToRank(69)).hasSize(10);
                assertThat(store.eligibility().lastSync().ranking()).isEqualTo(ranking(10));
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
                writer.rollback();
            }
        }
    }

    @Test
    void backsUpConsistently_whileAnotherThreadWrites() throws Exception {
        try (var store = sqlite("s.db")) {
            var writer = new Thread(() -> {
                for (int block = 1; block <= 200; block++) {
                    store.eventLedger().append(List.of(EventLedgerTest.claim(block % 50, block, block, 0)), Map.of("s", (long) block));
                }
            });
            writer.start();
            List<Path> backups = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Path target = dir.resolve("backup-" + i + ".db");
                store.backupTo(target);
                backups.add(target);
            }
            writer.join();
            for (Path backup : backups) {
                try (var copy = Store.sqlite(StoreSettings.of(backup))) {
                    assertThat(query(copy, "PRAGMA integrity_check")).isEqualTo("ok");
                    long cursor = copy.eventLedger().cursor().orElse(0);
                    assertThat(query(copy, "SELECT count(*) FROM chain_event")).isEqualTo(String.valueOf(cursor));
                }
            }
        }
    }

    static String query(SqliteStore store, String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(SqliteStore store, String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + store.file())) {
            c.createStatement().execute(sql);
        }
    }

    @Test
    void rankingReadsComeFromMemory_seeThisProcessesSyncAtOnce_andAnotherProcessesWithinASecond() throws Exception {
        try (var serving = open("s.db"); var syncing = open("s.db")) {
            assertThat(serving.rankings().upToRank(69)).isEmpty();
            long first = sync(serving, commit(OptionalLong.empty(), ranking(3), List.of()));
            assertThat(serving.rankings().upToRank(69)).hasSize(3); // this process's commit: at once

            // another store on the same file (as `sietch sync --once` beside `serve`) commits a larger ranking
            sync(syncing, commit(OptionalLong.of(first), ranking(3), ranking(5), List.of()));
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (serving.rankings().upToRank(69).size() != 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(serving.rankings().upToRank(69)).hasSize(5);
            assertThat(serving.rankings().upToRank(2)).extracting(RankedWallet::rank).containsExactly(1, 2);
            assertThat(serving.rankings().find(ranking(5).wallets().get(4).wallet())).isPresent();
        }
    }
}
