package dev.sietch.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** How provider error texts are read: a range refusal splits, a rate limit cools down, the rest fails over. */
final class RpcErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "query returned more than 10000 results",                       // geth, Infura
        "exceed maximum block range: 5000",                             // Berachain public RPC style
        "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range",  // Alchemy
        "eth_getLogs is limited to a 10,000 range",                     // QuickNode-like wording
        "block range is too wide",
        "query exceeds max block range 100",
        "too many blocks in range",
        "query timeout exceeded"
    })
    void recognisesRangeRefusals(String message) {
        assertThat(RpcClient.refusesRange(message)).as(message).isTrue();
        assertThat(RpcClient.isRateLimit(-32005, message)).as(message).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"execution reverted", "header not found", "internal error", "invalid params"})
    void doesNotMistakeOtherErrorsForRangeRefusals(String message) {
        assertThat(RpcClient.refusesRange(message)).as(message).isFalse();
    }

    @Test
    void recognisesRateLimits() {
        assertThat(RpcClient.isRateLimit(-32005, "Too Many Requests")).isTrue();
        assertThat(RpcClient.isRateLimit(-32016, "rate limit reached, retry later")).isTrue();
        assertThat(RpcClient.isRateLimit(429, "")).isTrue();
        assertThat(RpcClient.isRateLimit(-32000, "nonce too low")).isFalse();
    }

    @Test
    void readsRetryAfterAsSecondsOrADate() {
        assertThat(RetryAfter.parse(Optional.of("3"))).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(Optional.of("soon"))).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("-1"))).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty())).isEmpty();
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(RetryAfter.parse(Optional.of(inTenSeconds)).orElseThrow())
                .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }
}
