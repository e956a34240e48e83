package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.chain.CsvEventSource;
import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.RankingPolicy;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.usecase.IndexChainEvents;
import dev.sietch.core.usecase.SyncEligibility;
import dev.sietch.core.usecase.SyncResult;
import dev.sietch.store.SqliteStore;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eligibility sync end to end: a CSV event source, the real indexer, the use case and the SQLite store. */
final class EligibilitySyncTest {

    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private Path events;
    private SqliteStore store;
    private SyncEligibility sync;
    private IndexChainEvents indexer;

    @BeforeEach
    void open() {
        events = dir.resolve("events.csv");
        store = Store.sqlite(StoreSettings.of(dir.resolve("sietch.db")), clock);
        sync = new SyncEligibility(store.eligibility(), clock, RankingPolicy.DEFAULT, Duration.ofHours(24));
        indexer = new IndexChainEvents(new CsvEventSource(events), store.eventLedger());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    private void events(String... lines) throws Exception {
        Files.write(events, List.of(lines), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String wallet(int n) {
        return String.format("0x%040x", n);
    }

    /** Eighty claimers: wallet i claims 1000 - i BGT in block 10. */
    private void eightyClaimers() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            lines.add("claim,10,0xa" + i + "," + i + "," + wallet(i) + "," + (1000L - i) + "000000000000000000");
        }
        events(lines.toArray(String[]::new));
    }

    @Test
    void theIndexersMetersLeaveWithIt_soTheNextIndexerShowsItsOwn() throws Exception {
        var config = dev.sietch.app.config.SietchConfig.load(Optional.empty(), java.util.Map.of(
                "BERACHAIN_RPC_URLS", "http://127.0.0.1:9", "BGT_ADDRESS", "0x656b95e550c07a9ffe548bd4085c72418ceb1dba"),
                new java.util.Properties());
        var settings = ((dev.sietch.app.config.ConfigResult.Valid) config).settings();
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        for (int term = 1; term <= 2; term++) { // leading, then leading again after a term of another instance's
            try (var sync = EligibilitySync.create(store, settings, registry, clock).orElseThrow()) {
                assertThat(registry.get("sietch.rpc.endpoint.up").gauge().value()).as("term " + term).isEqualTo(1.0);
                assertThat(registry.get("sietch.chain.range.width").gauge().value()).as("term " + term).isEqualTo(10_000.0);
            }
            assertThat(registry.find("sietch.rpc.endpoint.up").gauges()).isEmpty();
        }
    }

    @Test
    void bootstrapRecordsTheRankingAndAnnouncesNothing() throws Exception {
        eightyClaimers();

        var result = (SyncResult.Synced) sync.run(indexer);

        assertThat(result.bootstrap()).isTrue();
        assertThat(result.ranked()).isEqualTo(80);
        assertThat(result.members()).isEqualTo(69);
        assertThat(result.ledgerBlock()).hasValue(10);
        assertThat(store.outbox().pending(1_000)).isEmpty();
        assertThat(store.rankings().upToRank(100)).hasSize(80);
        assertThat(audit()).containsExactly("eligibility_update");
    }

    @Test
    void announcesEachChangeOnceInTheSyncsTransaction() throws Exception {
        // given
        eightyClaimers();
        sync.run(indexer);

        // when: wallet 75 claims its way to the top, wallet 2 redeems 1 wei
        events("claim,20,0xb1,0," + wallet(75) + ",2000000000000000000000",
                "burn,21,0xb2,0," + wallet(2) + ",1");
        var second = (SyncResult.Synced) sync.run(indexer);
        var third = (SyncResult.Synced) sync.run(indexer); // nothing new

        // then
        assertThat(second.bootstrap()).isFalse();
        assertThat(store.outbox().pending(1_000)).extracting(m -> m.change().kind() + " " + m.change().wallet())
                .containsExactly(
                        "member_removed " + wallet(2),
                        "naib_demotion " + wallet(2),
                        "member_added " + wallet(75),
                        "naib_promotion " + wallet(75)); // one out, one in above everyone else: no one else moves across 7 or 69
        assertThat(store.outbox().pending(1_000).getFirst().change())
                .isEqualTo(new EligibilityChange.Removed(dev.sietch.core.model.WalletAddress.of(wallet(2)), 2, Role.NAIB,
                        EligibilityChange.Reason.REDEMPTION, java.util.OptionalInt.empty()));
        assertThat(third.diff().isEmpty()).isTrue();
        assertThat(audit()).filteredOn(type -> !type.equals("eligibility_update"))
                .containsExactly("member_removed", "naib_demotion", "member_added", "naib_promotion");
    }

    @Test
    void countsChainFailures_entersGraceAfterADay_andLeavesItWithAnAuditRow() throws Exception {
        // given: a successful sync at T0, then the event file disappears
        eightyClaimers();
        sync.run(indexer);
        Files.move(events, dir.resolve("gone.csv"));

        // when: failures every 6 hours
        List<SyncResult> failures = new ArrayList<>();
        for (int hours = 6; hours <= 30; hours += 6) {
            clock.set(T0.plus(Duration.ofHours(hours)));
            failures.add(sync.run(indexer));
        }
        SyncHealth during = store.syncHealth().current();
        Files.move(dir.resolve("gone.csv"), events);
        clock.set(T0.plus(Duration.ofHours(31)));
        var recovered = (SyncResult.Synced) sync.run(indexer);

        // then
        assertThat(failures).allMatch(r -> r instanceof SyncResult.ChainUnavailable);
        assertThat(((SyncResult.ChainUnavailable) failures.get(2)).inGracePeriod()).isFalse();  // 18 h
        assertThat(((SyncResult.ChainUnavailable) failures.get(3)).graceChange())            // 24 h
                .contains(SyncHealth.GraceChange.ENTERED);
        assertThat(during.inGracePeriod()).isTrue();
        assertThat(during.consecutiveFailures()).isEqualTo(5);
        assertThat(during.lastSuccessfulSync()).contains(T0);
        assertThat(recovered.graceChange()).contains(SyncHealth.GraceChange.EXITED);
        assertThat(store.syncHealth().current()).isEqualTo(new SyncHealth(Optional.of(clock.instant()),
                Optional.of(clock.instant()), 0, Optional.empty(), false));
        assertThat(audit()).containsSubsequence("grace_period_entered", "grace_period_exited");
        assertThat(recovered.diff().isEmpty()).isTrue(); // nothing was demoted or removed while in grace
    }

    private List<String> audit() throws Exception {
        List<String> types = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
                var rs = c.createStatement().executeQuery("SELECT event_type FROM audit_log ORDER BY id")) {
            while (rs.next()) {
                types.add(rs.getString(1));
            }
        }
        return types;
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
