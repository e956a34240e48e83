package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SyncHealthTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    @Test
    void isHealthyAndDueOneIntervalFromNow_whenNeverSynced() {
        var health = SyncHealth.NEVER_SYNCED;

        assertThat(health.status()).isEqualTo(SyncHealth.Status.HEALTHY);
        assertThat(health.status().wireName()).isEqualTo("healthy");
        assertThat(health.nextSync(NOW, SIX_HOURS)).isEqualTo(Instant.parse("2026-11-25T18:00:00Z"));
    }

    @Test
    void isDegradedAndDueOneIntervalAfterLastSuccess_whenInGracePeriod() {
        var last = Instant.parse("2026-11-24T06:00:00Z");
        var health = new SyncHealth(Optional.of(last), true);

        assertThat(health.status().wireName()).isEqualTo("degraded");
        assertThat(health.nextSync(NOW, SIX_HOURS)).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
    }
}
