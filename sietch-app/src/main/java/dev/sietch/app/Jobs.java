package dev.sietch.app;

import dev.sietch.core.port.BotState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's periodic jobs (activity decay, badge check, ...), run inside the service, so they
 * share its store, its shutdown and (on PostgreSQL) its leader. Each job's last run is kept in the
 * store, so a restart does not run a job early or forget it: a job whose time passed while the
 * service was down runs once at start (catch-up), not once per missed period. Jobs run one at a
 * time on one thread, so they never overlap, with each other or themselves.
 *
 * <p>Several instances on one database: only the leader runs jobs, and each run is claimed in the
 * store before it starts (the last run moved from the value read to now, in one fenced write), so
 * of two instances that both see a job due — a leader and its successor around a takeover — one
 * runs it. A run cut short by a crash is not repeated before its next period: a run at most once
 * per period, every job here being one whose next run makes up for a skipped one.
 */
final class Jobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /** How often the schedule is checked. */
    static final Duration TICK = Duration.ofMinutes(1);

    /** @param task returns a short summary for the log */
    record Job(String name, Duration every, java.util.function.Supplier<String> task) {
        Job {
            Objects.requireNonNull(name, "name");
            if (every.isZero() || every.isNegative()) {
                throw new IllegalArgumentException("a job's period must be positive");
            }
        }
    }

    private final List<Job> jobs;
    private final BotState state;
    private final Clock clock;
    private final LeaderTerm term;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sietch-jobs").factory());

    Jobs(List<Job> jobs, BotState state, Clock clock) {
        this(jobs, state, clock, LeaderTerm.SOLE);
    }

    /** @param term the leader's term the jobs run in: their runs and writes are fenced by it */
    Jobs(List<Job> jobs, BotState state, Clock clock, LeaderTerm term) {
        this.jobs = List.copyOf(jobs);
        this.state = state;
        this.clock = clock;
        this.term = term;
    }

    /** Checks the schedule now and then every {@code tick}. */
    Jobs start(Duration tick) {
        executor.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** A scheduled task that throws is never run again: a store fault ends this check, not the schedule. */
    private void tick() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.error("Jobs: the schedule could not be checked (next check in {})", TICK, e);
        }
    }

    /** Runs every job that is due now; returns the names of those that ran. */
    synchronized List<String> runDue() {
        var ran = new java.util.ArrayList<String>();
        for (Job job : jobs) {
            Instant now = clock.instant();
            Optional<String> last = state.get(key(job));
            if (last.isPresent() && now.isBefore(Instant.parse(last.get()).plus(job.every()))) {
                continue;
            }
            // claimed before it runs, so a failing job retries on its schedule, not every minute
            boolean claimed;
            try {
                claimed = term.fenced(() -> state.claim(key(job), last, now.toString(), clock.instant()));
            } catch (dev.sietch.store.FencedOutException e) {
                log.info("Jobs stopped: {} no longer leads", term);
                return ran;
            }
            if (!claimed) {
                log.info("Job {} skipped: another instance has just run it", job.name());
                continue;
            }
            long started = System.nanoTime();
            try {
                String summary = term.fenced(job.task());
                log.info("Job {} done in {} ms: {}", job.name(), (System.nanoTime() - started) / 1_000_000, summary);
            } catch (dev.sietch.store.FencedOutException e) {
                log.info("Job {} stopped: {} no longer leads", job.name(), term);
                return ran;
            } catch (RuntimeException e) {
                log.error("Job {} failed (next try in {})", job.name(), job.every(), e);
            }
            ran.add(job.name());
        }
        return ran;
    }

    Optional<Instant> lastRun(Job job) {
        return state.get(key(job)).map(Instant::parse);
    }

    private static String key(Job job) {
        return "job." + job.name() + ".last-run";
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
