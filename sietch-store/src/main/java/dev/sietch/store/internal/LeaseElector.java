package dev.sietch.store.internal;

import dev.sietch.store.LeaseSettings;
import dev.sietch.store.Leadership;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease in {@code leader_lease}, renewed by the leader and tried by the others every
 * {@code renewEvery}. Times in the row are the database's; each instance measures its own term
 * with {@link System#nanoTime()} from before its request, minus a margin, so it always believes
 * its lease ends before the database does.
 */
public final class LeaseElector implements Leadership {

    private static final Logger log = LoggerFactory.getLogger(LeaseElector.class);

    /**
     * Takes the lease when it is free or expired (a new term, higher epoch) or renews our own
     * unexpired one (same epoch). No row: someone else holds it.
     */
    private static final String ACQUIRE = """
            INSERT INTO leader_lease AS l (name, holder, epoch, acquired_at, expires_at)
            VALUES (?, ?, 1, clock_timestamp(), clock_timestamp() + ? * interval '1 millisecond')
            ON CONFLICT (name) DO UPDATE SET
                holder = excluded.holder,
                epoch = CASE WHEN l.holder = excluded.holder AND l.expires_at > clock_timestamp()
                             THEN l.epoch ELSE l.epoch + 1 END,
                acquired_at = CASE WHEN l.holder = excluded.holder AND l.expires_at > clock_timestamp()
                                   THEN l.acquired_at ELSE clock_timestamp() END,
                expires_at = excluded.expires_at
            WHERE l.holder = excluded.holder OR l.expires_at <= clock_timestamp()
            RETURNING epoch""";

    private static final String RELEASE = """
            UPDATE leader_lease SET expires_at = clock_timestamp() WHERE name = ? AND holder = ? AND epoch = ?""";

    private static final String HOLDS = """
            SELECT 1 FROM leader_lease WHERE name = ? AND holder = ? AND epoch = ? AND expires_at > clock_timestamp()
            FOR SHARE""";

    private final DataSource dataSource;
    private final Database database;
    private final LeaseSettings settings;
    private final Listener listener;
    private final ScheduledExecutorService election;
    /** Tells the listener, in the order the terms changed, outside the election's lock. */
    private final java.util.concurrent.ExecutorService telling;
    private final long marginNanos;
    private final Object lock = new Object();
    private long epoch;
    private long deadline;
    private boolean leading;
    private boolean closed;

    private LeaseElector(DataSource dataSource, Database database, LeaseSettings settings, Listener listener) {
        this.dataSource = dataSource;
        this.database = database;
        this.settings = settings;
        this.listener = listener;
        this.marginNanos = settings.ttl().toNanos() / 10;
        this.election = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "sietch-lease-" + settings.name());
            thread.setDaemon(true);
            return thread;
        });
        this.telling = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sietch-lease-" + settings.name() + "-listener");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @param database the store's database on {@code dataSource}, whose writes {@link #fenced} fences */
    public static LeaseElector start(DataSource dataSource, Database database, LeaseSettings settings,
            Listener listener) {
        var elector = new LeaseElector(dataSource, database, settings, listener);
        long every = settings.renewEvery().toNanos();
        elector.election.scheduleWithFixedDelay(elector::tick, 0, every, TimeUnit.NANOSECONDS);
        // the term's end is watched apart from the renewals, which may hang on a lost connection
        elector.election.scheduleAtFixedRate(elector::expireIfDue, every / 4, Math.max(every / 4, 1_000_000),
                TimeUnit.NANOSECONDS);
        return elector;
    }

    private void tick() {
        try {
            step();
        } catch (Throwable e) {
            // a scheduled task that throws is never run again: the election must go on
            log.error("Lease {}: election step failed", settings.name(), e);
        }
    }

    private void step() {
        long asked = System.nanoTime();
        OptionalLong granted;
        try {
            granted = acquire();
        } catch (SQLException | RuntimeException e) {
            log.warn("Lease {}: cannot reach the database ({}); {}", settings.name(), e.getMessage(),
                    isLeader() ? "leading until the lease runs out" : "not leading");
            expireIfDue();
            return;
        }
        synchronized (lock) {
            if (closed) {
                return;
            }
            long end = asked + settings.ttl().toNanos() - marginNanos;
            if (granted.isPresent() && System.nanoTime() - end < 0) {
                long term = granted.getAsLong();
                if (leading && term != epoch) {
                    revoke(); // our own term lapsed in the database; a new one starts
                }
                deadline = end;
                if (!leading) {
                    leading = true;
                    epoch = term;
                    log.info("Lease {}: {} leads (epoch {})", settings.name(), settings.holder(), epoch);
                    telling.execute(() -> listener.elected(term));
                }
            } else if (leading && granted.isEmpty()) {
                revoke(); // another instance holds the lease
            }
            // granted, but answered too late to count on: the current deadline (if any) stands
        }
    }

    private OptionalLong acquire() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement(ACQUIRE)) {
            connection.setAutoCommit(true);
            statement.setQueryTimeout((int) Math.max(1, settings.renewEvery().toSeconds()));
            statement.setString(1, settings.name());
            statement.setString(2, settings.holder());
            statement.setLong(3, settings.ttl().toMillis());
            try (var rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private void expireIfDue() {
        try {
            synchronized (lock) {
                if (leading && System.nanoTime() - deadline >= 0) {
                    log.warn("Lease {}: not renewed in time; {} steps down (epoch {})", settings.name(),
                            settings.holder(), epoch);
                    revoke();
                }
            }
        } catch (Throwable e) {
            log.error("Lease {}: lease check failed", settings.name(), e);
        }
    }

    /** Under {@link #lock}: the listener hears of it on its own thread, in order. */
    private void revoke() {
        leading = false;
        long term = epoch;
        log.info("Lease {}: {} no longer leads (epoch {})", settings.name(), settings.holder(), term);
        telling.execute(() -> listener.revoked(term));
    }

    @Override
    public boolean isLeader() {
        synchronized (lock) {
            return leading && System.nanoTime() - deadline < 0;
        }
    }

    @Override
    public OptionalLong epoch() {
        synchronized (lock) {
            return isLeader() ? OptionalLong.of(epoch) : OptionalLong.empty();
        }
    }

    @Override
    public boolean holds(Connection connection, long term) throws SQLException {
        try (var statement = connection.prepareStatement(HOLDS)) {
            statement.setString(1, settings.name());
            statement.setString(2, settings.holder());
            statement.setLong(3, term);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public <T> T fenced(long term, java.util.function.Supplier<T> work) {
        return database.fenced(this::holds, term, work);
    }

    @Override
    public void close() {
        long term;
        boolean wasLeading;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            wasLeading = leading;
            term = epoch;
            if (leading) {
                revoke();
            }
        }
        election.shutdownNow();
        telling.shutdown(); // what is queued is still told
        try {
            election.awaitTermination(5, TimeUnit.SECONDS);
            telling.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (wasLeading) {
            try (Connection connection = dataSource.getConnection();
                    var statement = connection.prepareStatement(RELEASE)) {
                statement.setString(1, settings.name());
                statement.setString(2, settings.holder());
                statement.setLong(3, term);
                statement.executeUpdate();
            } catch (SQLException | RuntimeException e) {
                log.warn("Lease {}: could not give the lease up ({}); it runs out by itself", settings.name(),
                        e.getMessage());
            }
        }
    }
}
