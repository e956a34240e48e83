package dev.sietch.app.cli;

import dev.sietch.app.EligibilitySync;
import dev.sietch.app.Logging;
import dev.sietch.app.config.ConfigResult;
import dev.sietch.core.model.EligibilityDiff;
import dev.sietch.core.model.SyncHealth;
import dev.sietch.core.usecase.SyncResult;
import dev.sietch.store.Store;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sietch sync --once}: index new events, recompute the ranking, commit, print a summary. */
@Command(name = "sync", description = "Index new claim and burn events and recompute the ranking.")
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    SietchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--once", required = true,
            description = "Run one sync and exit (scheduled syncs run inside serve).")
    boolean once;

    @Option(names = "--no-progress", description = "Do not show indexing progress.")
    boolean noProgress;

    @Override
    public Integer call() {
        Optional<ConfigResult.Valid> config = parent.sqliteConfig(spec.commandLine().getErr(),
                "there the leader among the running instances (sietch serve) syncs.");
        if (config.isEmpty()) {
            return SietchCommand.EXIT_CONFIG;
        }
        var valid = config.get();
        Logging.apply(valid.settings().log());
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        try (var store = Store.sqlite(valid.settings().store())) {
            Optional<EligibilitySync> sync = EligibilitySync.create(store, valid.settings(), new SimpleMeterRegistry(),
                    Clock.systemUTC());
            if (sync.isEmpty()) {
                spec.commandLine().getErr().println("No event source: set sietch.chain.rpc-urls and "
                        + "sietch.chain.bgt-address (BERACHAIN_RPC_URLS, BGT_ADDRESS), or sietch.chain.event-file "
                        + "(SIETCH_EVENTS_FILE).");
                return SietchCommand.EXIT_CONFIG;
            }
            try (EligibilitySync eligibility = sync.get()) {
                PrintWriter err = spec.commandLine().getErr();
                var progress = new SyncProgress(err, SyncProgress.isTerminal(), eligibility.ledgerBlock(), System::nanoTime);
                SyncResult result;
                try {
                    result = noProgress ? eligibility.runOnce() : eligibility.runOnce(progress);
                } finally {
                    progress.finish();
                }
                print(out, result, (System.nanoTime() - started) / 1_000_000);
                return result instanceof SyncResult.Synced ? 0 : 1;
            }
        }
    }

    static void print(PrintWriter out, SyncResult result, long millis) {
        switch (result) {
            case SyncResult.Synced s -> {
                out.printf("Synced: sync #%d, ledger at block %s%n", s.syncId(),
                        s.ledgerBlock().isPresent() ? String.valueOf(s.ledgerBlock().getAsLong()) : "none");
                out.printf("  ranked %d wallets, %d members%n", s.ranked(), s.members());
                if (s.bootstrap()) {
                    out.println("  bootstrap: first sync, ranking recorded, nothing announced");
                } else {
                    EligibilityDiff d = s.diff();
                    out.printf("  changes: %d added, %d removed, %d promoted to Naib, %d demoted from Naib%n",
                            d.added().size(), d.removed().size(), d.promoted().size(), d.demoted().size());
                }
                s.graceChange().ifPresent(change -> out.println("  grace period " + word(change)));
            }
            case SyncResult.ChainUnavailable f -> {
                out.printf("Chain unavailable: %s%n", f.cause());
                out.printf("  %d consecutive failure(s); grace period %s%n", f.consecutiveFailures(),
                        f.graceChange().map(SyncCommand::word).orElse(f.inGracePeriod() ? "in force" : "not in force"));
            }
        }
        out.printf("  took %d ms%n", millis);
        out.flush();
    }

    private static String word(SyncHealth.GraceChange change) {
        return change.name().toLowerCase(Locale.ROOT);
    }
}
