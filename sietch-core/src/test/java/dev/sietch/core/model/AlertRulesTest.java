package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One week boundary (Monday 00:00 UTC), weekly caps, spaced position updates, at-risk on entering. */
final class AlertRulesTest {

    @Test
    void theWeekStartsOnMondayAtMidnightUtc() {
        assertThat(AlertRules.weekStart(Instant.parse("2026-11-29T23:59:59Z"))).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(AlertRules.weekStart(Instant.parse("2026-11-30T00:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(AlertRules.weekStart(Instant.parse("2026-11-26T12:00:00Z"))).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void positionUpdatesRespectTheSwitchTheCapAndTheSpacing() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        assertThat(AlertRules.positionUpdateDue(true, 3, 0, Optional.empty(), now)).isTrue();
        assertThat(AlertRules.positionUpdateDue(false, 3, 0, Optional.empty(), now)).isFalse();
        assertThat(AlertRules.positionUpdateDue(true, 3, 3, Optional.empty(), now)).isFalse(); // cap reached
        // 3 a week: one per 56 h
        assertThat(AlertRules.positionUpdateDue(true, 3, 1, Optional.of(now.minus(Duration.ofHours(55))), now)).isFalse();
        assertThat(AlertRules.positionUpdateDue(true, 3, 1, Optional.of(now.minus(Duration.ofHours(56))), now)).isTrue();
        // daily: one per 24 h, not one at each 6-hourly sync
        assertThat(AlertRules.positionUpdateDue(true, 7, 1, Optional.of(now.minus(Duration.ofHours(6))), now)).isFalse();
        assertThat(AlertRules.positionUpdateDue(true, 7, 6, Optional.of(now.minus(Duration.ofHours(24))), now)).isTrue();
    }

    @Test
    void anAtRiskWarningComesOnEnteringTheAtRiskPositions_once() {
        assertThat(AlertRules.atRiskWarningDue(true, 3, 0, true, false)).isTrue();
        assertThat(AlertRules.atRiskWarningDue(true, 3, 0, true, true)).isFalse(); // still there: no repeat
        assertThat(AlertRules.atRiskWarningDue(true, 3, 0, false, false)).isFalse();
        assertThat(AlertRules.atRiskWarningDue(false, 3, 0, true, false)).isFalse();
        assertThat(AlertRules.atRiskWarningDue(true, 1, 1, true, false)).isFalse(); // cap reached
    }

    @Test
    void aSeatIsThreatenedFromNinetyPercent_comparedExactlyInWei() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        Wei holder = new Wei(java.math.BigInteger.TEN.pow(25)); // 10 million BGT
        Wei ninety = new Wei(java.math.BigInteger.TEN.pow(24).multiply(java.math.BigInteger.valueOf(9)));
        assertThat(AlertRules.threatDue(true, 3, 0, holder, ninety, Optional.empty(), now)).isTrue();
        assertThat(AlertRules.threatDue(true, 3, 0, holder, ninety.minus(Wei.of(1)), Optional.empty(), now)).isFalse();
        assertThat(AlertRules.threatDue(true, 3, 0, holder, ninety, Optional.of(now.minus(Duration.ofDays(6))), now)).isFalse();
        assertThat(AlertRules.threatDue(true, 3, 0, holder, ninety, Optional.of(now.minus(Duration.ofDays(7))), now)).isTrue();
        assertThat(AlertRules.threatDue(false, 3, 0, holder, ninety, Optional.empty(), now)).isFalse();
        assertThat(AlertRules.threatDue(true, 3, 3, holder, ninety, Optional.empty(), now)).isFalse();
    }
}
