package dev.sietch.app.cli;

import dev.sietch.app.config.ConfigResult;
import dev.sietch.app.config.SietchSettings;
import dev.sietch.chain.ChainSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sietch doctor}: the runtime, the resolved module graph, each library's version, and the
 * configuration check. Exits 0 when every library loads and the configuration is valid.
 */
@Command(name = "doctor", description = "Check the installation: runtime, modules, library versions, configuration.")
final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    SietchCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Sietch %s on Java %s (%s), runtime %s%n", SietchCommand.sietchVersion(), Runtime.version(),
                System.getProperty("java.vendor"), System.getProperty("java.home"));

        var report = ModuleReport.ofBootLayer();
        out.println(report.summary());
        out.println("Libraries:");
        report.libraries().forEach(library -> out.println("  " + library.line()));
        boolean librariesOk = report.libraries().stream().allMatch(ModuleReport.Library::loaded);

        ConfigResult config = parent.loadConfig();
        boolean configOk = switch (config) {
            case ConfigResult.Valid valid -> {
                out.println("Configuration: ok (config file: " + valid.file().map(Object::toString).orElse("none") + ")");
                describe(out, valid.settings());
                yield true;
            }
            case ConfigResult.Invalid invalid -> {
                out.println("Configuration: invalid");
                invalid.problems().forEach(problem -> out.println("  " + problem));
                yield false;
            }
        };
        out.println(librariesOk && configOk ? "Doctor: ok" : "Doctor: problems found");
        out.flush();
        return librariesOk && configOk ? 0 : 1;
    }

    private static void describe(PrintWriter out, SietchSettings settings) {
        out.printf("  http     %s:%d%n", settings.http().host(), settings.http().port());
        out.printf("  store    %s%n", settings.database().postgres()
                .map(pg -> "PostgreSQL " + pg.jdbcUrl() + " as " + pg.user() + ", pool " + pg.maxPoolSize()
                        + ", leader lease " + settings.database().lease())
                .orElseGet(() -> "SQLite " + settings.store().databasePath().toAbsolutePath()));
        ChainSettings chain = settings.chain();
        out.printf("  chain    %s%n", chain.isConfigured()
                ? chain.rpcUrls().stream().map(ChainSettings::redact).toList() + " BGT " + chain.bgtAddress().orElseThrow()
                : "not configured (set BERACHAIN_RPC_URLS and BGT_ADDRESS)");
        out.printf("  vaults   %s%n", chain.vaults().isEmpty()
                ? "none (set REWARD_VAULT_ADDRESSES: without vaults there are no claims, so nobody is eligible)"
                : chain.vaults().size() + ": " + chain.vaults());
        out.printf("  scan     %d confirmation(s)%s, ranges up to %d blocks, %d at once%n", chain.scan().confirmations(),
                chain.scan().finalizedTag() ? " or the finalized block" : "", chain.scan().maxBlockRange(),
                chain.scan().parallelRequests());
        out.printf("  discord  %s%n", settings.discord().isConfigured()
                ? "token set (not shown), guild " + settings.discord().guildId().getAsLong()
                : "not configured (set DISCORD_BOT_TOKEN and DISCORD_GUILD_ID)");
        out.printf("  events   %s%n", chain.eventFile().map(f -> "from file " + f.toAbsolutePath()).orElse("from the chain"));
        out.printf("  sync     every %s, grace period %s%n", settings.sync().interval(), settings.sync().gracePeriod());
        out.printf("  ranking  Naib 1-%d, members 1-%d, at risk %d-%d, waitlist %d-%d%n", settings.ranking().naibSeats(),
                settings.ranking().memberCutoff(), settings.ranking().atRiskFrom(), settings.ranking().memberCutoff(),
                settings.ranking().waitlistFrom(), settings.ranking().waitlistTo());
        out.printf("  log      %s, %s%n", settings.log().level(), settings.log().format());
    }
}
