package dev.sietch.app;

import static dev.sietch.app.TestDatabases.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.app.config.ConfigResult;
import dev.sietch.app.config.SietchConfig;
import dev.sietch.app.config.SietchSettings;
import dev.sietch.chain.testkit.Anvil;
import dev.sietch.chain.testkit.Scenario;
import dev.sietch.chain.testkit.TestChain;
import dev.sietch.core.usecase.SyncResult;
import dev.sietch.store.Store;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole sync — configuration, the JSON-RPC indexer, the SQLite ledger and the ranking — against
 * a real EVM node: a reorganisation ends with the ranking of a fresh index, and a sync process
 * killed with SIGKILL mid-indexing resumes from its cursor to the same result.
 */
final class ChainSyncTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final String RANKING = "SELECT wallet, rank, held, role, member FROM current_ranking ORDER BY rank";
    private static final String EVENTS = "SELECT * FROM chain_event ORDER BY block_number, log_index";
    private static final String TOTALS = "SELECT * FROM wallet_total ORDER BY wallet";

    @TempDir
    Path dir;

    private Anvil anvil;
    private TestChain chain;
    private Scenario scenario;

    @BeforeEach
    void startNode() {
        anvil = Anvil.start();
        chain = TestChain.deploy(anvil, 2);
        scenario = new Scenario(chain, 30);
    }

    @AfterEach
    void stopNode() {
        anvil.close();
    }

    /** A configuration file as an operator would write it, for a database in the temp dir. */
    private Path config(String name, int maxRange, int parallel) throws Exception {
        String vaults = chain.polVaults().stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
        return Files.writeString(dir.resolve(name + ".conf"), """
                sietch.store.path = "%s"
                sietch.chain {
                  rpc-urls = ["%s"]
                  bgt-address = "%s"
                  vaults = [ %s, { address = "%s", event = legacy } ]
                  confirmations = 0
                  max-block-range = %d
                  parallel-requests = %d
                  request-timeout = 5s
                  retry-delay = 50ms
                }
                """.formatted(dir.resolve(name + ".db"), anvil.rpcUrl(), chain.bgt(), vaults, chain.legacyVault(),
                maxRange, parallel));
    }

    private static SietchSettings settings(Path config) {
        ConfigResult result = SietchConfig.load(Optional.of(config), Map.of(), new Properties());
        assertThat(result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).settings();
    }

    private static SyncResult syncOnce(Path config) {
        SietchSettings settings = settings(config);
        try (var store = Store.sqlite(settings.store(), CLOCK);
                var sync = EligibilitySync.create(store, settings, new SimpleMeterRegistry(), CLOCK).orElseThrow()) {
            return sync.runOnce();
        }
    }

    @Test
    void afterAReorganisation_theRankingIsThatOfAFreshIndex() throws Exception {
        scenario.play(12, 1);
        String fork = anvil.snapshot();
        scenario.play(10, 2);
        Path config = config("reorged", 7, 2);
        assertThat(syncOnce(config)).isInstanceOf(SyncResult.Synced.class);
        List<String> before = rows(dir.resolve("reorged.db"), RANKING);

        anvil.revert(fork);
        scenario.play(14, 3);
        anvil.mine(30); // longer than the chain it replaces
        var after = syncOnce(config);
        var fresh = syncOnce(config("fresh", 7, 2));

        assertThat(after).isInstanceOf(SyncResult.Synced.class);
        assertThat(fresh).isInstanceOf(SyncResult.Synced.class);
        Path reorged = dir.resolve("reorged.db");
        Path freshDb = dir.resolve("fresh.db");
        assertThat(rows(reorged, RANKING)).hasSizeGreaterThan(10).isNotEqualTo(before)
                .isEqualTo(rows(freshDb, RANKING));
        assertThat(rows(reorged, EVENTS)).isEqualTo(rows(freshDb, EVENTS));
        assertThat(rows(reorged, TOTALS)).isEqualTo(rows(freshDb, TOTALS));
    }

    @Test
    void aSyncKilledMidIndexing_resumesFromItsCursor_toTheSameLedgerAndRanking() throws Exception {
        scenario.play(70, 4);
        Path reference = config("reference", 3, 1);
        Process uninterrupted = sync(reference);
        assertThat(uninterrupted.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(uninterrupted.exitValue()).isZero();

        Path crashedConfig = config("crashed", 3, 1);
        Path crashed = dir.resolve("crashed.db");
        var random = new Random(5);
        int midIndexing = 0;
        long before = -1;
        for (int kill = 0; kill < 5; kill++) {
            Process child = sync(crashedConfig);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child.isAlive() && cursor(crashed) <= before && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(100));
            if (!child.isAlive()) {
                break;
            }
            child.destroyForcibly(); // SIGKILL
            child.waitFor();
            assertThat(rows(crashed, "PRAGMA integrity_check")).containsExactly("ok");
            long reached = cursor(crashed);
            if (reached > before && reached < anvil.blockNumber()) {
                midIndexing++;
            }
            before = reached;
        }
        Process last = sync(crashedConfig);
        assertThat(last.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).isZero();

        assertThat(midIndexing).as("kills that landed mid-indexing").isGreaterThanOrEqualTo(3);
        Path referenceDb = dir.resolve("reference.db");
        assertThat(rows(crashed, EVENTS)).hasSizeGreaterThan(100).isEqualTo(rows(referenceDb, EVENTS));
        assertThat(rows(crashed, TOTALS)).isEqualTo(rows(referenceDb, TOTALS));
        assertThat(rows(crashed, RANKING)).isEqualTo(rows(referenceDb, RANKING));
    }

    /** {@code sietch sync --once} in its own JVM, as an operator runs it. */
    private Process sync(Path config) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
                Main.class.getName(), "--config", config.toString(), "sync", "--once", "--no-progress")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sync.log").toFile()))
                .start();
    }

    /** The block every source has reached; -1 before the first batch (or the schema). */
    private static long cursor(Path db) throws Exception {
        if (!Files.exists(db) || rows(db, "SELECT name FROM sqlite_master WHERE name = 'ledger_cursor'").isEmpty()) {
            return -1;
        }
        String min = rows(db, "SELECT min(block_number) FROM ledger_cursor").getFirst();
        return min.equals("null") ? -1 : Long.parseLong(min);
    }
}
