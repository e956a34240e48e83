package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Activity points, cooldowns and decay, badges and dynamic roles. */
final class ActivityTest {

    private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
    private static final Activity.Settings S = Activity.Settings.DEFAULT;

    @Test
    void messagesCountOncePerMinute_reactionsGivenOncePer5s_receivedAlways() {
        var a = Activity.none(T0).record(Activity.Kind.MESSAGE, T0, S).orElseThrow();
        assertThat(a.record(Activity.Kind.MESSAGE, T0.plusSeconds(59), S)).isEmpty();
        a = a.record(Activity.Kind.MESSAGE, T0.plusSeconds(60), S).orElseThrow();
        a = a.record(Activity.Kind.REACTION_GIVEN, T0.plusSeconds(61), S).orElseThrow();
        assertThat(a.record(Activity.Kind.REACTION_GIVEN, T0.plusSeconds(65), S)).isEmpty();
        a = a.record(Activity.Kind.REACTION_GIVEN, T0.plusSeconds(66), S).orElseThrow();
        a = a.record(Activity.Kind.REACTION_RECEIVED, T0.plusSeconds(66), S).orElseThrow();
        a = a.record(Activity.Kind.REACTION_RECEIVED, T0.plusSeconds(66), S).orElseThrow();

        assertThat(a.balance()).isEqualTo(1 + 1 + 1 + 1 + 2 + 2);
        assertThat(a.peak()).isEqualTo(8);
        assertThat(new long[] {a.messages(), a.reactionsGiven(), a.reactionsReceived()}).containsExactly(2, 2, 2);
        assertThat(a.lastActiveAt()).contains(T0.plusSeconds(66));
    }

    @Test
    void decayKeepsTheUnfinishedPartOfAPeriod() {
        var a = Activity.none(T0).record(Activity.Kind.REACTION_RECEIVED, T0, S).orElseThrow(); // 2
        a = a.record(Activity.Kind.REACTION_RECEIVED, T0, S).orElseThrow(); // 4
        a = a.record(Activity.Kind.REACTION_RECEIVED, T0, S).orElseThrow(); // 6
        a = a.record(Activity.Kind.REACTION_RECEIVED, T0, S).orElseThrow(); // 8
        a = a.record(Activity.Kind.REACTION_RECEIVED, T0, S).orElseThrow(); // 10

        assertThat(a.decayed(T0.plus(Duration.ofHours(5)), S)).isEqualTo(a); // no whole period yet
        var d = a.decayed(T0.plus(Duration.ofHours(9)), S); // one period; 3 h carried over
        assertThat(d.balance()).isCloseTo(9.0, within(1e-9));
        assertThat(d.lastDecayAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
        // 3 more hours complete the second period: the carried-over 3 h count
        var d2 = d.decayed(T0.plus(Duration.ofHours(12)), S);
        assertThat(d2.balance()).isCloseTo(8.1, within(1e-9));
        assertThat(a.decayed(T0.plus(Duration.ofHours(12)), S).balance()).isCloseTo(8.1, within(1e-9)); // same in one step
        assertThat(d2.peak()).isEqualTo(10);
    }

    @Test
    void earnsEveryQualifyingBadge() {
        Instant launch = Instant.parse("2025-01-01T00:00:00Z");
        Instant joined = launch.plus(Duration.ofDays(30));
        assertThat(BadgeRules.earned(joined, joined.plus(Duration.ofDays(180)), launch, 500))
                .containsExactlyInAnyOrder(Badge.OG, Badge.VETERAN, Badge.ELDER, Badge.CONSISTENT, Badge.DEDICATED,
                        Badge.DEVOTED);
        Instant late = launch.plus(Duration.ofDays(31));
        assertThat(BadgeRules.earned(late, late.plus(Duration.ofDays(89)), launch, 99.99)).isEmpty();
        assertThat(BadgeRules.earned(late, late.plus(Duration.ofDays(90)), launch, 100))
                .containsExactlyInAnyOrder(Badge.VETERAN, Badge.CONSISTENT);
        assertThat(BadgeRules.earned(launch.minus(Duration.ofDays(400)), launch, launch, 0)).containsExactly(Badge.OG,
                Badge.VETERAN, Badge.ELDER);
    }

    @Test
    void qualifiesForDynamicRoles() {
        Instant since = T0.minus(Duration.ofDays(90));
        assertThat(DynamicRole.qualified(false, Set.of(Badge.HELPER), 999, since, T0)).isEmpty();
        assertThat(DynamicRole.qualified(true, Set.of(), 0, T0, T0)).containsExactly(DynamicRole.ONBOARDED);
        assertThat(DynamicRole.qualified(true, Set.of(), 200, since, T0)).containsExactly(DynamicRole.ONBOARDED,
                DynamicRole.ENGAGED, DynamicRole.VETERAN);
        assertThat(DynamicRole.qualified(true, Set.of(Badge.HELPER), 0, T0, T0)).containsExactly(DynamicRole.ONBOARDED,
                DynamicRole.TRUSTED);
        assertThat(DynamicRole.qualified(true, Set.of(Badge.OG, Badge.VETERAN, Badge.ELDER, Badge.CONSISTENT,
                Badge.DEDICATED), 0, T0, T0)).contains(DynamicRole.ENGAGED).doesNotContain(DynamicRole.TRUSTED);
        assertThat(DynamicRole.VETERAN.removable()).isFalse();
        assertThat(DynamicRole.ENGAGED.removable()).isTrue();
    }
}
