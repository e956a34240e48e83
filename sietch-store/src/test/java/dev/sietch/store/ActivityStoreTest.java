package dev.sietch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sietch.core.model.Activity;
import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.Members;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Activity points and automatic badges in SQLite: cooldowns survive a restart, revoked badges stay revoked. */
class ActivityStoreTest extends StoreTestBase {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final Activity.Settings S = Activity.Settings.DEFAULT;
    private static final String DISCORD = "700000000000000001";

    private String onboarded(Store store) {
        var profile = store.members().create(new Members.NewProfile(DiscordUserId.of(DISCORD), "Chani", Role.FEDAYKIN, Optional.empty(),
                Optional.empty(), PictureSource.NONE), T0);
        store.members().completeOnboarding(profile.memberId(), T0);
        return profile.memberId().value();
    }

    @Test
    void countsOnlyOnboardedMembers_andKeepsCooldownsAcrossARestart() {
        String memberId;
        try (var store = open("s.db")) {
            assertThat(store.activity().record(DiscordUserId.of(DISCORD), Activity.Kind.MESSAGE, T0, S)).isEmpty(); // no profile
            memberId = onboarded(store);
            assertThat(store.activity().record(DiscordUserId.of(DISCORD), Activity.Kind.MESSAGE, T0, S)).get()
                    .extracting(Activity::balance).isEqualTo(1.0);
        }
        try (var store = open("s.db")) {
            assertThat(store.activity().record(DiscordUserId.of(DISCORD), Activity.Kind.MESSAGE, T0.plusSeconds(30), S)).isEmpty();
            assertThat(store.activity().record(DiscordUserId.of(DISCORD), Activity.Kind.REACTION_RECEIVED, T0.plusSeconds(30), S)).isPresent();
            var now = store.activity().current(new MemberId(memberId), T0.plusSeconds(30), S).orElseThrow();
            assertThat(now.balance()).isEqualTo(3.0);
            assertThat(now.messages()).isEqualTo(1);
            assertThat(now.reactionsReceived()).isEqualTo(1);
        }
    }

    @Test
    void decaysEveryBalanceThatIsDue() {
        try (var store = open("s.db")) {
            String memberId = onboarded(store);
            for (int i = 0; i < 5; i++) {
                store.activity().record(DiscordUserId.of(DISCORD), Activity.Kind.REACTION_RECEIVED, T0, S);
            }
            assertThat(store.activity().decayAll(T0.plus(Duration.ofHours(5)), S)).isZero();
            assertThat(store.activity().decayAll(T0.plus(Duration.ofHours(13)), S)).isEqualTo(1);
            assertThat(store.activity().current(new MemberId(memberId), T0.plus(Duration.ofHours(13)), S).orElseThrow().balance())
                    .isCloseTo(8.1, within(1e-9));
            // the hour past the second period was kept: five more hours complete the third
            assertThat(store.activity().decayAll(T0.plus(Duration.ofHours(18)), S)).isEqualTo(1);
        }
    }

    @Test
    void automaticBadgesAreAwardedOnce_andARevokedOneIsNeverAwardedAgain() {
        try (var store = open("s.db")) {
            String memberId = onboarded(store);
            assertThat(store.activity().awardAutomatic(new MemberId(memberId), EnumSet.of(Badge.OG, Badge.CONSISTENT), T0))
                    .containsExactlyInAnyOrder(Badge.OG, Badge.CONSISTENT);
            assertThat(store.activity().awardAutomatic(new MemberId(memberId), EnumSet.of(Badge.OG, Badge.CONSISTENT), T0)).isEmpty();

            assertThat(store.memberBadges().revoke(new MemberId(memberId), "consistent", "admin", T0)).isTrue();
            assertThat(store.activity().awardAutomatic(new MemberId(memberId), EnumSet.of(Badge.CONSISTENT, Badge.VETERAN), T0))
                    .containsExactly(Badge.VETERAN);
            assertThat(store.activity().awardAutomatic(new MemberId("no-such-member"), EnumSet.of(Badge.OG), T0)).isEmpty();
            assertThat(store.auditLog().recent(10, Optional.of("badge_awarded"), Optional.empty())).hasSize(3);
        }
    }
}
