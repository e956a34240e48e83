package dev.sietch.app;

import dev.sietch.store.Leadership;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The term in which this instance does the leader's work (the chain sync, the jobs, the Discord
 * bot's deliveries). On PostgreSQL every store write of that work is fenced by the term, so once
 * another instance has taken over, a write still in flight here is rolled back instead of landing
 * twice; on SQLite one process owns the database (the instance lock) and the term is {@link #SOLE}.
 */
record LeaderTerm(@Nullable Leadership leadership, long epoch) {

    /** The only instance there is: nothing to fence. */
    static final LeaderTerm SOLE = new LeaderTerm(null, 0);

    /**
     * Runs {@code work} for this term.
     *
     * @throws dev.sietch.store.FencedOutException from a write made after the term ended
     */
    <T> T fenced(Supplier<T> work) {
        return leadership == null ? work.get() : leadership.fenced(epoch, work);
    }

    void fenced(Runnable work) {
        fenced(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public String toString() {
        return leadership == null ? "sole instance" : "term " + epoch;
    }
}
