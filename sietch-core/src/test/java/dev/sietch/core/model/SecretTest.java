package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

final class SecretTest {

    @Test
    void hidesValue_whenPrinted() {
        // given
        var secret = new Secret("hunter2-token");

        // when
        var printed = secret.toString() + " " + java.util.List.of(secret);

        // then
        assertThat(printed).doesNotContain("hunter2").contains("***");
    }

    @Test
    void matchesOnlyTheExactValue() {
        var secret = new Secret("abc123");

        assertThat(secret.matches("abc123")).isTrue();
        assertThat(secret.matches("abc124")).isFalse();
        assertThat(secret.matches("abc1234")).isFalse();
        assertThat(secret.matches("")).isFalse();
    }

    @Test
    void rejectsBlankValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Secret("  "));
    }
}
