package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The nym and bio rules. */
final class NymTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            abc                  |
            Stilgar_of-Tabr      |
            a__b                 |
            naib1                |
            a234567890123456789z |
            ab                   | Nym must be at least 3 characters
            a2345678901234567890z| Nym must be at most 20 characters
            _abc                 | Nym must be alphanumeric (can include _ or -) and cannot start/end with _ or -
            abc-                 | Nym must be alphanumeric (can include _ or -) and cannot start/end with _ or -
            ab c                 | Nym must be alphanumeric (can include _ or -) and cannot start/end with _ or -
            Ünïcode              | Nym must be alphanumeric (can include _ or -) and cannot start/end with _ or -
            ADMIN                | This nym is reserved and cannot be used
            MuadDib              | This nym is reserved and cannot be used
            """)
    void checksNyms(String nym, String problem) {
        assertThat(Nym.problem(nym)).isEqualTo(Optional.ofNullable(problem));
    }

    @Test
    void theCooldownCountsFromTheLastRealChange_andTheFirstChangeIsFree() {
        Instant changed = Instant.parse("2026-11-01T00:00:00Z");
        Duration thirty = Duration.ofDays(30);
        assertThat(Nym.cooldownProblem(Optional.empty(), thirty, changed)).isEmpty();
        assertThat(Nym.cooldownProblem(Optional.of(changed), thirty, changed.plus(Duration.ofDays(29))))
                .contains("You can change your nym in 1 day");
        assertThat(Nym.cooldownProblem(Optional.of(changed), thirty, changed.plus(Duration.ofHours(1))))
                .contains("You can change your nym in 30 days");
        assertThat(Nym.cooldownProblem(Optional.of(changed), thirty, changed.plus(thirty))).isEmpty();
        assertThat(Nym.isChange("Alice", "Alice")).isFalse(); // re-submitting restarts nothing
        assertThat(Nym.isChange("Alice", "alice")).isTrue(); // a change of case is a change
    }

    @Test
    void aBioNeverExceedsTheLimit_evenAfterLinksAreRemoved() {
        assertThat(Bio.sanitise(null, 160)).isEmpty();
        assertThat(Bio.sanitise("   ", 160)).isEmpty();
        assertThat(Bio.sanitise("  spice  ", 160)).contains("spice");
        assertThat(Bio.sanitise("see https://x.io/a and HTTP://y.io", 160)).contains("see [link removed] and [link removed]");
        String longWithLink = "a".repeat(150) + " https://example.com/" + "b".repeat(30);
        assertThat(Bio.sanitise(longWithLink, 160)).get().asString().hasSize(160).startsWith("a".repeat(150) + " [link");
        assertThat(Bio.sanitise("x".repeat(159) + "\uD83D\uDC51", 160)).contains("x".repeat(159)); // no half emoji
    }
}
