package dev.sietch.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Whether this instance leads: exactly one instance at a time holds the lease, and work only the
 * leader may do (the scheduler's jobs, the indexer, the Discord gateway) starts when it is elected
 * and stops when it is revoked.
 *
 * <p>At most one leader: the leader counts its lease from before it asked for it, by its own
 * monotonic clock, and steps down a safety margin before the database would let another instance
 * take it, whether or not it can still reach the database. Work that must never run twice also
 * checks its term inside its own transaction ({@link #holds}), which a newer term fails.
 */
public interface Leadership extends AutoCloseable {

    /**
     * Told on a thread of the election's own, one term change at a time and in order (never under
     * the election's lock, so it may call {@link #isLeader()}); slow work here delays the next
     * notice, not the election.
     */
    interface Listener {
        void elected(long epoch);

        void revoked(long epoch);
    }

    /** Whether this instance leads at this moment. */
    boolean isLeader();

    /** The current term's epoch while leading. */
    OptionalLong epoch();

    /**
     * Inside a transaction on {@code connection}: whether the term {@code epoch} still holds the
     * lease; the row stays locked against a takeover until the transaction ends.
     */
    boolean holds(Connection connection, long epoch) throws SQLException;

    /**
     * Runs {@code work} on this thread for the term {@code epoch}: every store write it makes (to the
     * database this election runs on) first checks, in its own transaction, that the term still
     * holds the lease, and is rolled back with {@link FencedOutException} once another term took
     * over. Keep each such write short: the check holds the lease row, and the leader's renewal
     * waits for it.
     */
    <T> T fenced(long epoch, java.util.function.Supplier<T> work);

    /** Stops taking part; a leader gives the lease up at once, so another instance takes over without waiting. */
    @Override
    void close();
}
