package dev.sietch.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sietch.core.model.Secret;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

final class DiscordSettingsTest {

    @Test
    void isConfigured_onlyWithTokenAndGuild() {
        var token = Optional.of(new Secret("token-value"));

        assertThat(new DiscordSettings(token, OptionalLong.of(1234L)).isConfigured()).isTrue();
        assertThat(new DiscordSettings(token, OptionalLong.empty()).isConfigured()).isFalse();
        assertThat(new DiscordSettings(Optional.empty(), OptionalLong.of(1234L)).isConfigured()).isFalse();
    }

    @Test
    void neverPrintsTheToken() {
        var settings = new DiscordSettings(Optional.of(new Secret("token-value")), OptionalLong.of(1L));

        assertThat(settings.toString()).doesNotContain("token-value");
    }

    @Test
    void rejectsNonPositiveGuildId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DiscordSettings(Optional.empty(), OptionalLong.of(0L)));
    }
}
