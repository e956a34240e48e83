package dev.sietch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.Secret;
import dev.sietch.http.MemberTokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code sietch member-token}: a token the API accepts for that member, for the given time. */
final class MemberTokenCommandTest {

    private final CommandRun command = new CommandRun();

    private static final String SECRET = "a-member-token-secret-of-32-bytes-or-more";
    private static final String PROPERTY = "sietch.http.member-token-secret";

    @Test
    void printsATokenThatVerifiesForTheMemberUntilItExpires() {
        command.properties.setProperty(PROPERTY, SECRET);

        int exit = command.run("member-token", "--discord-id", "123456789012345678", "--valid-for", "PT2H");

        assertThat(exit).isZero();
        String token = command.out.toString().strip();
        var tokens = new MemberTokens(new Secret(SECRET));
        assertThat(tokens.verify(token, Instant.now().plus(Duration.ofMinutes(110)))).contains("123456789012345678");
        assertThat(tokens.verify(token, Instant.now().plus(Duration.ofMinutes(121)))).isEmpty();
        assertThat(command.out.toString()).doesNotContain(SECRET);
    }

    @Test
    void refusesWithoutASecretOrWithABadId() {
        assertThat(command.run("member-token", "--discord-id", "123456789012345678")).isEqualTo(2);
        assertThat(command.err.toString()).contains("No member token secret");

        command.properties.setProperty(PROPERTY, SECRET);
        assertThat(command.run("member-token", "--discord-id", "alice")).isEqualTo(2);
        assertThat(command.err.toString()).contains("--discord-id: not a Discord user id");
        command.properties.setProperty(PROPERTY, "short");
        assertThat(command.run("member-token", "--discord-id", "123456789012345678")).isEqualTo(2);
        assertThat(command.err.toString()).contains("sietch.http.member-token-secret: the member token secret must be at least 32 bytes")
                .doesNotContain("short");
    }
}
