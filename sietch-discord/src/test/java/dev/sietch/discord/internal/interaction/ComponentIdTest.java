package dev.sietch.discord.internal.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ComponentIdTest {

    @Test
    void formatsAndParsesBack() {
        var id = ComponentId.of("directory", "page", "3", "naib");
        assertThat(id.toString()).isEqualTo("directory:page:3:naib");
        assertThat(ComponentId.parse("directory:page:3:naib")).contains(id);
        assertThat(ComponentId.parse("alerts:disable_all")).contains(new ComponentId("alerts", "disable_all", List.of()));
    }

    @Test
    void refusesWhatIsNotOneOfOurs() {
        assertThat(ComponentId.parse("onboarding")).isEmpty();
        assertThat(ComponentId.parse("a::b")).isEmpty();
        assertThat(ComponentId.parse("has space:x")).isEmpty();
        assertThat(ComponentId.parse(null)).isEmpty();
        assertThat(ComponentId.parse("a:" + "b".repeat(99))).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> ComponentId.of("a", "b", "c".repeat(64), "d".repeat(64)));
        assertThatIllegalArgumentException().isThrownBy(() -> ComponentId.of("a", "b:c"));
    }
}
