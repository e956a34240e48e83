package dev.sietch.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work only one instance may do at a time — the chain sync, the jobs, the Discord bot —
 * started for a leader's term and stopped (in reverse order) when the term ends or the service
 * stops. Start and stop are told one at a time by the election.
 */
final class LeaderWork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaderWork.class);

    private final Function<LeaderTerm, List<AutoCloseable>> starter;
    private final boolean failuresStop;
    private final Runnable onStartFailed;
    private final List<AutoCloseable> running = new ArrayList<>(); // guarded by this; in start order
    private volatile @org.jspecify.annotations.Nullable LeaderTerm term; // written under this; null: not running
    private boolean closed; // guarded by this

    /** The only instance: a failure to start the work is thrown (the service does not start). */
    static LeaderWork sole(Function<LeaderTerm, List<AutoCloseable>> starter) {
        return new LeaderWork(starter, true, () -> { });
    }

    /**
     * One instance of several: a failure to start the work is logged and {@code onStartFailed} runs
     * (the instance steps aside, so that another may lead), while it keeps serving the API.
     */
    static LeaderWork shared(Function<LeaderTerm, List<AutoCloseable>> starter, Runnable onStartFailed) {
        return new LeaderWork(starter, false, onStartFailed);
    }

    /** @param starter starts the work for a term, returning its parts in start order */
    private LeaderWork(Function<LeaderTerm, List<AutoCloseable>> starter, boolean failuresStop, Runnable onStartFailed) {
        this.starter = starter;
        this.failuresStop = failuresStop;
        this.onStartFailed = onStartFailed;
    }

    synchronized void start(LeaderTerm newTerm) {
        if (closed) {
            return;
        }
        stop();
        log.info("Leading ({}): starting the sync, the jobs and the Discord bot", newTerm);
        try {
            running.addAll(starter.apply(newTerm));
            term = newTerm;
        } catch (RuntimeException e) {
            if (failuresStop) {
                throw e;
            }
            log.error("Leading ({}): could not start the leader's work; stepping aside for another instance "
                    + "(this one keeps serving the API; fix the cause and restart it)", newTerm, e);
            onStartFailed.run();
        }
    }

    synchronized void stop() {
        if (term == null) {
            return;
        }
        log.info("No longer leading ({}): stopping the sync, the jobs and the Discord bot", term);
        term = null; // before the parts stop: the metrics and the bot's status say so at once
        closeAll(running);
        running.clear();
    }

    boolean isRunning() {
        return term != null;
    }

    /** Closes {@code parts} (in start order) from the last to the first; a failure is logged and the rest still close. */
    static void closeAll(List<AutoCloseable> parts) {
        for (AutoCloseable part : parts.reversed()) {
            try {
                part.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.error("Could not stop {}", part.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }
}
