package dev.sietch.app;

import dev.sietch.core.usecase.SyncResult;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the eligibility sync at start and then every interval, one at a time (fixed delay, so runs
 * never overlap). A failing run is logged and the schedule goes on.
 */
final class SyncScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    /** How long close() lets a running sync finish; an interrupted sync's transaction rolls back. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "sietch-sync");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param afterSuccess runs after each committed sync (e.g. the Discord role sync), on the same thread
     * @param term the leader's term the syncs run in: their writes are fenced by it
     */
    SyncScheduler(EligibilitySync sync, Duration interval, Runnable afterSuccess, LeaderTerm term) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                term.fenced(() -> {
                    if (runOnce(sync)) {
                        try {
                            afterSuccess.run();
                        } catch (dev.sietch.store.FencedOutException e) {
                            throw e;
                        } catch (RuntimeException e) {
                            log.error("After-sync step failed", e);
                        }
                    }
                });
            } catch (dev.sietch.store.FencedOutException e) {
                log.info("Sync not committed: {} no longer leads", term);
            } catch (RuntimeException e) {
                // a scheduled task that throws is never run again: the schedule must go on
                log.error("Sync run failed", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Eligibility sync scheduled every {}", interval);
    }

    /** @return whether a sync was committed */
    private static boolean runOnce(EligibilitySync sync) {
        long started = System.nanoTime();
        try {
            switch (sync.runOnce()) {
                case SyncResult.Synced s -> {
                    log.info(
                        "Sync #{} done in {} ms: {} ranked, {} members, {} added, {} removed, {} promoted, {} demoted{}",
                        s.syncId(), (System.nanoTime() - started) / 1_000_000, s.ranked(), s.members(),
                        s.diff().added().size(), s.diff().removed().size(), s.diff().promoted().size(),
                        s.diff().demoted().size(), s.bootstrap() ? " (bootstrap: nothing announced)" : "");
                    return true;
                }
                case SyncResult.ChainUnavailable f -> {
                    log.warn("Sync failed, chain unavailable ({} consecutive failures, grace period {}): {}",
                            f.consecutiveFailures(), f.inGracePeriod() ? "in force" : "not in force", f.cause());
                    return false;
                }
            }
        } catch (dev.sietch.store.FencedOutException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Sync failed", e);
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Sync still running after {}; stopping it", STOP_TIMEOUT);
            executor.shutdownNow();
        }
    }
}
