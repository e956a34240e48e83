package dev.sietch.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ChainSettingsTest {

    private static final String BGT = "0x656B95E550C07a9ffe548bd4085c72418Ceb1dba";

    @Test
    void neverShowsPathOrQuery_whereProvidersKeepTheirKeys() {
        var settings = new ChainSettings(
                List.of(URI.create("https://rpc.example.org:8443/v2/SECRETKEY?apikey=SECRET2")), Optional.of(BGT), Optional.empty());

        assertThat(settings.toString()).contains("https://rpc.example.org:8443").doesNotContain("SECRET");
    }

    @Test
    void canonicalisesAddressToLowerCase() {
        var settings = new ChainSettings(List.of(URI.create("http://127.0.0.1:8545")), Optional.of(BGT), Optional.empty());

        assertThat(settings.bgtAddress()).contains(BGT.toLowerCase(java.util.Locale.ROOT));
        assertThat(settings.isConfigured()).isTrue();
    }

    @Test
    void isNotConfigured_withoutEndpointsOrAddress() {
        assertThat(new ChainSettings(List.of(), Optional.of(BGT), Optional.empty()).isConfigured()).isFalse();
        assertThat(new ChainSettings(List.of(URI.create("http://127.0.0.1:8545")), Optional.empty(), Optional.empty()).isConfigured())
                .isFalse();
    }

    @Test
    void rejectsNonHttpEndpointAndMalformedAddress() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChainSettings(List.of(URI.create("ftp://x.org/KEY")), Optional.empty(), Optional.empty()))
                .withMessageNotContaining("KEY");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChainSettings(List.of(), Optional.of("0x1234"), Optional.empty()));
    }
}
