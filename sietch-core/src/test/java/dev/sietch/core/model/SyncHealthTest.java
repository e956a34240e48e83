package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SyncHealthTest {

    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    private static final Duration GRACE = Duration.ofHours(24);
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    @Test
    void isHealthyAndDueOneIntervalFromNow_whenNeverSynced() {
        var health = SyncHealth.NEVER_SYNCED;

        assertThat(health.status().wireName()).isEqualTo("healthy");
        assertThat(health.nextSync(T0, SIX_HOURS)).isEqualTo(T0.plus(SIX_HOURS));
    }

    @Test
    void entersGraceOnlyOnceTheLastSuccessIsAGracePeriodOld_andLeavesItOnTheNextSuccess() {
        // given: a success at T0
        SyncHealth health = SyncHealth.NEVER_SYNCED.afterSuccess(T0).next();

        // when: failures every 6 hours
        var at6 = health.afterFailure(T0.plus(Duration.ofHours(6)), GRACE);
        var at18 = at6.next().afterFailure(T0.plus(Duration.ofHours(18)), GRACE);
        var justBefore = at18.next().afterFailure(T0.plus(GRACE).minusSeconds(1), GRACE);
        var at24 = justBefore.next().afterFailure(T0.plus(GRACE), GRACE);
        var at30 = at24.next().afterFailure(T0.plus(Duration.ofHours(30)), GRACE);
        var recovered = at30.next().afterSuccess(T0.plus(Duration.ofHours(31)));

        // then
        assertThat(at6.graceChange()).isEmpty();
        assertThat(at18.next().consecutiveFailures()).isEqualTo(2);
        assertThat(justBefore.next().inGracePeriod()).isFalse();
        assertThat(at24.graceChange()).contains(SyncHealth.GraceChange.ENTERED);
        assertThat(at24.next().status()).isEqualTo(SyncHealth.Status.DEGRADED);
        assertThat(at24.next().consecutiveFailures()).isEqualTo(4);
        assertThat(at30.graceChange()).isEmpty(); // already in grace: entered once
        assertThat(at30.next().inGracePeriod()).isTrue();
        assertThat(at30.next().lastSuccessfulSync()).contains(T0);
        assertThat(recovered.graceChange()).contains(SyncHealth.GraceChange.EXITED);
        assertThat(recovered.next()).isEqualTo(new SyncHealth(Optional.of(T0.plus(Duration.ofHours(31))),
                Optional.of(T0.plus(Duration.ofHours(31))), 0, Optional.empty(), false));
        assertThat(SyncHealth.GraceChange.EXITED.auditType()).isEqualTo("grace_period_exited");
    }

    @Test
    void entersGraceEvenWithoutAnySuccess_onceFailuresLastAGracePeriod() {
        var first = SyncHealth.NEVER_SYNCED.afterFailure(T0, GRACE);
        var later = first.next().afterFailure(T0.plus(Duration.ofHours(23)), GRACE);
        var dayLater = later.next().afterFailure(T0.plus(GRACE), GRACE);

        assertThat(first.next().failingSince()).contains(T0);
        assertThat(later.graceChange()).isEmpty();
        assertThat(dayLater.graceChange()).contains(SyncHealth.GraceChange.ENTERED);
    }

    @Test
    void exitsNothing_onASuccessOutsideGrace() {
        var failing = SyncHealth.NEVER_SYNCED.afterSuccess(T0).next().afterFailure(T0.plusSeconds(60), GRACE).next();

        assertThat(failing.afterSuccess(T0.plusSeconds(120)).graceChange()).isEmpty();
    }
}
