package dev.sietch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leader election on a real PostgreSQL: one leader at a time, a takeover within the lease's
 * bound when the leader stops, loses its connection or is cut off without a word, and fencing of
 * the old term.
 */
final class LeaseElectionTest {

    private static final Duration TTL = Duration.ofMillis(1500);
    private static final Duration RENEW = Duration.ofMillis(250);

    private PostgresTestDatabase schema;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @BeforeEach
    void schema() {
        schema = PostgresTestDatabase.create();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        schema.close();
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        open.add(closeable);
        return closeable;
    }

    /** Records the terms an instance was told about. */
    private static final class Terms implements Leadership.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void elected(long epoch) {
            events.add("elected " + epoch);
        }

        @Override
        public void revoked(long epoch) {
            events.add("revoked " + epoch);
        }
    }

    private Leadership instance(PostgresDatabase database, String name, Terms terms) {
        return opened(database.leadership(new LeaseSettings("sietch", name, TTL, RENEW), terms));
    }

    @Test
    void appliesItsOwnMigrations() {
        try (var database = PostgresDatabase.open(schema.settings())) {
            assertThat(database.appliedMigrations()).containsExactly("001", "002", "003");
        }
        // a second open (another instance starting) applies nothing and agrees
        try (var database = PostgresDatabase.open(schema.settings())) {
            assertThat(database.appliedMigrations()).containsExactly("001", "002", "003");
        }
    }

    @Test
    void oneLeaderAtATime_andTheNextTakesOverAtOnceWhenTheLeaderStops() throws Exception {
        var database = opened(PostgresDatabase.open(schema.settings()));
        var termsA = new Terms();
        var termsB = new Terms();
        var termsC = new Terms();
        Leadership a = instance(database, "a", termsA);
        Leadership b = instance(database, "b", termsB);
        Leadership c = instance(database, "c", termsC);
        List<Leadership> all = List.of(a, b, c);

        await(() -> all.stream().filter(Leadership::isLeader).count() == 1, Duration.ofSeconds(5));
        assertOneLeaderThroughout(all, Duration.ofSeconds(2));
        Leadership leader = all.stream().filter(Leadership::isLeader).findFirst().orElseThrow();
        long firstTerm = leader.epoch().orElseThrow();

        long stopped = System.nanoTime();
        leader.close();
        List<Leadership> rest = all.stream().filter(l -> l != leader).toList();
        await(() -> rest.stream().anyMatch(Leadership::isLeader), Duration.ofSeconds(3));
        // given up on close: the next instance does not wait for the lease to run out
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(TTL);
        Leadership next = rest.stream().filter(Leadership::isLeader).findFirst().orElseThrow();
        assertThat(next.epoch().orElseThrow()).isGreaterThan(firstTerm);
        assertOneLeaderThroughout(rest, Duration.ofSeconds(1));
        assertThat(termsA.events.size() + termsB.events.size() + termsC.events.size()).isEqualTo(3);
    }

    @Test
    void aLeaderCutOffFromTheDatabaseStepsDownBeforeAnotherTakesOver_andItsTermIsFenced() throws Exception {
        assertTakeover(TcpProxy::cut);
    }

    @Test
    void aLeaderWhoseNetworkHangsStepsDownBeforeAnotherTakesOver() throws Exception {
        assertTakeover(TcpProxy::stall);
    }

    @Test
    void storeWritesForATermThatLostTheLeaseAreRolledBack() throws Exception {
        var database = opened(PostgresDatabase.open(schema.settings()));
        var store = opened(Store.postgres(database, java.time.Clock.systemUTC()));
        var state = store.botState();
        java.time.Instant at = java.time.Instant.parse("2026-11-26T12:00:00Z");
        Leadership a = instance(database, "a", new Terms());
        await(a::isLeader, Duration.ofSeconds(5));
        long term = a.epoch().orElseThrow();
        assertThat(a.fenced(term, () -> state.claim("job.x", java.util.Optional.empty(), "1", at))).isTrue();

        Leadership b = instance(opened(PostgresDatabase.open(schema.settings())), "b", new Terms());
        a.close(); // hands the lease over
        await(b::isLeader, Duration.ofSeconds(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.fenced(term, () -> {
            state.put("job.x", "2", at);
            return null;
        })).isInstanceOf(FencedOutException.class).hasMessageContaining("term " + term);
        assertThat(state.get("job.x")).contains("1");
        // outside the fence (and for the new term) writes go on
        assertThat(b.fenced(b.epoch().orElseThrow(), () -> state.claim("job.x", java.util.Optional.of("1"), "3", at)))
                .isTrue();
        state.put("job.y", "4", at);
        assertThat(state.get("job.x")).contains("3");
    }

    private void assertTakeover(java.util.function.Consumer<TcpProxy> failure) throws Exception {
        var proxy = opened(new TcpProxy(PostgresTestDatabase.serverHostAndPort()));
        var throughProxy = opened(PostgresDatabase.open(schema.settings(proxy.hostAndPort())));
        var direct = opened(PostgresDatabase.open(schema.settings()));
        var termsA = new Terms();
        Leadership a = instance(throughProxy, "a", termsA);
        await(a::isLeader, Duration.ofSeconds(5));
        Leadership b = instance(direct, "b", new Terms());
        Thread.sleep(3 * RENEW.toMillis());
        assertThat(b.isLeader()).isFalse();
        long oldTerm = a.epoch().orElseThrow();

        failure.accept(proxy);
        long failed = System.nanoTime();
        long aSteppedDown = 0;
        long bLeads = 0;
        // sampled every 5 ms: never two leaders
        while (bLeads == 0 && System.nanoTime() - failed < TimeUnit.SECONDS.toNanos(10)) {
            boolean aLeads = a.isLeader();
            boolean bLeadsNow = b.isLeader();
            assertThat(aLeads && bLeadsNow).as("two leaders at once").isFalse();
            if (!aLeads && aSteppedDown == 0) {
                aSteppedDown = System.nanoTime();
            }
            if (bLeadsNow) {
                bLeads = System.nanoTime();
            }
            Thread.sleep(5);
        }
        assertThat(aSteppedDown).as("the cut-off leader stepped down").isPositive();
        assertThat(bLeads).as("another took over").isPositive();
        assertThat(Duration.ofNanos(aSteppedDown - failed)).isLessThanOrEqualTo(TTL);
        // the bound: the lease's life plus one attempt
        assertThat(Duration.ofNanos(bLeads - failed)).isLessThanOrEqualTo(TTL.plus(RENEW).plusMillis(500));
        assertThat(termsA.events).containsExactly("elected " + oldTerm, "revoked " + oldTerm);

        long newTerm = b.epoch().orElseThrow();
        assertThat(newTerm).isGreaterThan(oldTerm);
        try (var connection = schema.connect()) {
            connection.setAutoCommit(false);
            assertThat(b.holds(connection, newTerm)).isTrue();
            assertThat(b.holds(connection, oldTerm)).isFalse();
            assertThat(a.holds(connection, oldTerm)).isFalse();
            connection.rollback();
        }
    }

    private static void assertOneLeaderThroughout(List<Leadership> instances, Duration period) throws InterruptedException {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            assertThat(instances.stream().filter(Leadership::isLeader).count()).isLessThanOrEqualTo(1);
            Thread.sleep(5);
        }
        assertThat(instances.stream().filter(Leadership::isLeader).count()).isEqualTo(1);
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not within " + timeout).isLessThan(end);
            Thread.sleep(10);
        }
    }
}
