package dev.sietch.discord.internal.interaction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Per-interaction meters: {@code sietch_discord_commands_total{command,outcome}} and
 * {@code sietch_discord_command_duration_seconds{command}} (a histogram whose buckets include
 * Discord's 3 s to answer). The command tag is a registered command's name or a routed feature,
 * never what a client sent, so a forged id cannot create a series.
 */
final class CommandMetrics {

    static final String COMMANDS = "sietch.discord.commands";
    static final String DURATION = "sietch.discord.command.duration";

    /** The handler answered (whatever it said). */
    static final String OK = "ok";
    /** The handler failed; the user got the generic answer. */
    static final String ERROR = "error";
    /** A button, menu or modal no handler claims (an old message's, or a foreign one). */
    static final String EXPIRED = "expired";
    /** A slash command that is not registered any more. */
    static final String UNKNOWN = "unknown";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(3),
        Duration.ofSeconds(5)
    };

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String command, String outcome, long nanos) {
        Counter.builder(COMMANDS).description("Discord interactions handled, by command and outcome")
                .tags("command", command, "outcome", outcome).register(registry).increment();
        Timer.builder(DURATION).description("Time to handle a Discord interaction")
                .tag("command", command).serviceLevelObjectives(BUCKETS).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
