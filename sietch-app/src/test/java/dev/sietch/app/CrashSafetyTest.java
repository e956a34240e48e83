package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM indexes and syncs in a loop and is killed with SIGKILL at random points; after
 * every kill the database is intact, and once it finishes, its ranking and its outbox equal those
 * of a run that was never interrupted: every announcement exactly once.
 */
final class CrashSafetyTest {

    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void survivesSigkillAnywhere_withEachAnnouncementExactlyOnce() throws Exception {
        // given: the reference, an uninterrupted run
        Path reference = dir.resolve("reference.db");
        assertThat(runChild(reference).waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> referenceRanking = rows(reference, "SELECT wallet, rank, held, role, member FROM current_ranking ORDER BY rank");
        List<String> referenceOutbox = rows(reference, OUTBOX);
        assertThat(referenceOutbox).hasSizeGreaterThan(50);

        // when: a run killed KILLS times at random moments, then allowed to finish
        Path crashed = dir.resolve("crashed.db");
        var random = new Random(7);
        int kills = 0;
        int killsMidWork = 0;
        long before = 0;
        while (kills < KILLS) {
            Process child = runChild(crashed);
            awaitProgress(child, crashed, before);       // the child is working: it committed a sync
            Thread.sleep(random.nextInt(400));           // then kill it at a random point after that
            if (!child.isAlive()) {
                break; // finished before this kill; the rest of the check still applies
            }
            child.destroyForcibly(); // SIGKILL
            child.waitFor();
            kills++;
            assertThat(rows(crashed, "PRAGMA integrity_check")).as("integrity after kill %d", kills).containsExactly("ok");
            long progress = syncs(crashed);
            if (progress > before && progress < SyncCrashChild.BLOCKS) {
                killsMidWork++; // the child had been syncing, and was not done
            }
            before = progress;
        }
        Process last = runChild(crashed);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();

        // then
        assertThat(kills).isEqualTo(KILLS);
        assertThat(killsMidWork).as("kills that landed while the child was working").isGreaterThanOrEqualTo(KILLS / 2);
        assertThat(rows(crashed, "PRAGMA integrity_check")).containsExactly("ok");
        assertThat(rows(crashed, "SELECT wallet, rank, held, role, member FROM current_ranking ORDER BY rank"))
                .isEqualTo(referenceRanking);
        assertThat(rows(crashed, OUTBOX)).isEqualTo(referenceOutbox);
    }

    private static final String OUTBOX = """
            SELECT sync_id, kind, wallet, rank, previous_rank, role, previous_role, reason, held
            FROM outbox ORDER BY sync_id, kind, wallet""";

    /** Waits (up to a minute) until the child has committed more syncs than {@code before}, or has exited. */
    private static void awaitProgress(Process child, Path db, long before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (child.isAlive() && syncs(db) <= before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Committed syncs; 0 while the schema is not there yet (killed before or during migration). */
    private static long syncs(Path db) throws Exception {
        boolean migrated = !rows(db, "SELECT name FROM sqlite_master WHERE name = 'eligibility_sync'").isEmpty();
        return migrated ? Long.parseLong(rows(db, "SELECT count(*) FROM eligibility_sync").getFirst()) : 0;
    }

    private static Process runChild(Path db) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED", SyncCrashChild.class.getName(), db.toString())
                .redirectErrorStream(true)
                .redirectOutput(db.resolveSibling(db.getFileName() + ".log").toFile())
                .start();
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        return TestDatabases.rows(db, sql);
    }
}
