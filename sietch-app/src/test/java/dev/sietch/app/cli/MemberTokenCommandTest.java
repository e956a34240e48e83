package dev.sietch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.Secret;
import dev.sietch.http.MemberTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sietch member-token}: a token the API accepts for that member, for the given time. */
final class MemberTokenCommandTest {

    private static final String SECRET = "a-member-token-secret-of-32-bytes-or-more";
    private static final String PROPERTY = "sietch.http.member-token-secret";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private final Properties properties = new Properties();

    private int run(String... args) {
        var command = new SietchCommand();
        command.environment = Map.of();
        command.systemProperties = properties;
        var commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void printsATokenThatVerifiesForTheMemberUntilItExpires() {
        properties.setProperty(PROPERTY, SECRET);

        int exit = run("member-token", "--discord-id", "123456789012345678", "--valid-for", "PT2H");

        assertThat(exit).isZero();
        String token = out.toString().strip();
        var tokens = new MemberTokens(new Secret(SECRET));
        assertThat(tokens.verify(token, Instant.now().plus(Duration.ofMinutes(110)))).contains("123456789012345678");
        assertThat(tokens.verify(token, Instant.now().plus(Duration.ofMinutes(121)))).isEmpty();
        assertThat(out.toString()).doesNotContain(SECRET);
    }

    @Test
    void refusesWithoutASecretOrWithABadId() {
        assertThat(run("member-token", "--discord-id", "123456789012345678")).isEqualTo(2);
        assertThat(err.toString()).contains("No member token secret");

        properties.setProperty(PROPERTY, SECRET);
        assertThat(run("member-token", "--discord-id", "alice")).isEqualTo(2);
        assertThat(err.toString()).contains("--discord-id: not a Discord user id");
        properties.setProperty(PROPERTY, "short");
        assertThat(run("member-token", "--discord-id", "123456789012345678")).isEqualTo(2);
        assertThat(err.toString()).contains("sietch.http.member-token-secret: the member token secret must be at least 32 bytes")
                .doesNotContain("short");
    }
}
