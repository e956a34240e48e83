package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

final class WalletAddressTest {

    @Test
    void parsesAnyCaseIntoTheLowerCaseForm() {
        assertThat(WalletAddress.parse(" 0x52908400098527886E0F7030069857D2E4169EE7 "))
                .contains(new WalletAddress("0x52908400098527886e0f7030069857d2e4169ee7"));
        assertThat(WalletAddress.parse("0X52908400098527886E0F7030069857D2E4169EE7")).isPresent();
    }

    @Test
    void rejectsWhatIsNotFortyHexDigits() {
        assertThat(WalletAddress.parse("0x1234")).isEmpty();
        assertThat(WalletAddress.parse("0x52908400098527886E0F7030069857D2E4169EEG")).isEmpty();
        assertThat(WalletAddress.parse("52908400098527886E0F7030069857D2E4169EE7AB")).isEmpty();
        assertThat(WalletAddress.parse(null)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new WalletAddress("0x52908400098527886E0F7030069857D2E4169EE7"));
        assertThatIllegalArgumentException().isThrownBy(() -> new WalletAddress("0y52908400098527886e0f7030069857d2e4169ee7"));
    }
}
