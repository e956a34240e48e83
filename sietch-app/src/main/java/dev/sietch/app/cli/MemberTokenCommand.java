package dev.sietch.app.cli;

import dev.sietch.app.config.ConfigResult;
import dev.sietch.http.MemberTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sietch member-token --discord-id ID}: prints a signed member token for the member routes
 * of the HTTP API (what the bot hands a member), signed with the configured member token secret.
 */
@Command(name = "member-token", description = "Print a signed token for a member's own API routes.")
final class MemberTokenCommand implements Callable<Integer> {

    @ParentCommand
    SietchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--discord-id", required = true, paramLabel = "ID", description = "The member's Discord user id.")
    String discordId;

    @Option(names = "--valid-for", paramLabel = "DURATION", defaultValue = "P30D",
            description = "How long the token is valid, ISO-8601 (default: ${DEFAULT-VALUE}, 30 days).")
    String validFor;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Optional<ConfigResult.Valid> config = parent.validConfig(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return SietchCommand.EXIT_CONFIG;
        }
        var secret = config.get().settings().http().memberTokenSecret();
        if (secret.isEmpty()) {
            spec.commandLine().getErr().println("No member token secret: set sietch.http.member-token-secret "
                    + "(MEMBER_TOKEN_SECRET, at least 32 bytes).");
            return SietchCommand.EXIT_CONFIG;
        }
        Duration validity;
        try {
            validity = Duration.parse(validFor);
        } catch (DateTimeParseException e) {
            spec.commandLine().getErr().println("--valid-for: not an ISO-8601 duration (e.g. P30D, PT12H): " + validFor);
            return SietchCommand.EXIT_CONFIG;
        }
        if (validity.isNegative() || validity.isZero()) {
            spec.commandLine().getErr().println("--valid-for: must be positive");
            return SietchCommand.EXIT_CONFIG;
        }
        try {
            spec.commandLine().getOut().println(new MemberTokens(secret.get()).issue(discordId, clock.instant().plus(validity)));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--discord-id: " + e.getMessage());
            return SietchCommand.EXIT_CONFIG;
        }
        return 0;
    }
}
