package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Member ids and Discord user ids: what they accept, and the text they are stored as. */
final class IdsTest {

    @Test
    void aMemberIdIsAnyNonBlankText_shownAsItself() {
        assertThat(new MemberId("m1").toString()).isEqualTo("m1");
        assertThat(new MemberId("00000000-0000-4000-8000-000000000000").value())
                .isEqualTo("00000000-0000-4000-8000-000000000000");
        assertThatThrownBy(() -> new MemberId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MemberId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new MemberId("a")).isLessThan(new MemberId("b"));
    }

    @Test
    void aDiscordUserIdParsesFromItsWireText_andRoundTrips() {
        DiscordUserId id = DiscordUserId.parse("111111111111111111").orElseThrow();
        assertThat(id.value()).isEqualTo(111111111111111111L);
        assertThat(id.wire()).isEqualTo("111111111111111111");
        assertThat(DiscordUserId.parse(id.wire())).contains(id);
        assertThat(id.toString()).isEqualTo(id.wire());
        assertThat(DiscordUserId.of(String.valueOf(Long.MAX_VALUE)).value()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aDiscordUserIdRefusesWhatIsNotAPositiveSnowflake() {
        assertThat(DiscordUserId.parse(null)).isEmpty();
        assertThat(DiscordUserId.parse("")).isEmpty();
        assertThat(DiscordUserId.parse("0")).isEmpty();
        assertThat(DiscordUserId.parse("-5")).isEmpty();
        assertThat(DiscordUserId.parse("+5")).isEmpty();
        assertThat(DiscordUserId.parse(" 5")).isEmpty();
        assertThat(DiscordUserId.parse("12a")).isEmpty();
        assertThat(DiscordUserId.parse("99999999999999999999")).isEmpty();
        assertThatThrownBy(() -> new DiscordUserId(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiscordUserId.of("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
