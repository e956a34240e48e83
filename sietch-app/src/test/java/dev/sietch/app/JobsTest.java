package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.app.config.SietchSettings;
import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.Members;
import dev.sietch.store.Store;
import dev.sietch.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job schedule: persistent last runs, no early runs after a restart, one catch-up run after downtime. */
final class JobsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    private final EligibilitySyncTest.MutableClock clock = new EligibilitySyncTest.MutableClock(T0);

    @Test
    void runsEachJobOncePerPeriod_acrossRestarts_andCatchesUpOnce() throws Exception {
        var runs = new AtomicInteger();
        var job = new Jobs.Job("count", Duration.ofHours(6), () -> "run " + runs.incrementAndGet());
        try (var store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")))) {
            try (var jobs = new Jobs(List.of(job), store.botState(), clock)) {
                assertThat(jobs.runDue()).containsExactly("count"); // never ran: runs at once
                clock.set(T0.plus(Duration.ofHours(5)));
                assertThat(jobs.runDue()).isEmpty();
            }
            try (var restarted = new Jobs(List.of(job), store.botState(), clock)) { // a restart: not early
                assertThat(restarted.runDue()).isEmpty();
                clock.set(T0.plus(Duration.ofHours(6)));
                assertThat(restarted.runDue()).containsExactly("count");
                clock.set(T0.plus(Duration.ofDays(10))); // down for days: one catch-up run, not forty
                assertThat(restarted.runDue()).containsExactly("count");
                assertThat(restarted.runDue()).isEmpty();
                assertThat(restarted.lastRun(job)).contains(T0.plus(Duration.ofDays(10)));
            }
        }
        assertThat(runs.get()).isEqualTo(3);
    }

    @Test
    void aFailingJobWaitsForItsNextPeriod_andTheOthersStillRun() throws Exception {
        var failing = new Jobs.Job("failing", Duration.ofHours(1), () -> {
            throw new IllegalStateException("boom");
        });
        var runs = new AtomicInteger();
        var other = new Jobs.Job("other", Duration.ofHours(1), () -> "run " + runs.incrementAndGet());
        try (var store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")));
                var jobs = new Jobs(List.of(failing, other), store.botState(), clock)) {
            assertThat(jobs.runDue()).containsExactly("failing", "other");
            assertThat(jobs.runDue()).isEmpty();
            assertThat(runs.get()).isEqualTo(1);
        }
    }

    @Test
    void theBadgeCheckAwardsTenureBadges_butNotOneAnAdministratorRevoked() throws Exception {
        try (var store = Store.sqlite(StoreSettings.of(dir.resolve("s.db")))) {
            Instant launch = Instant.parse("2025-01-01T00:00:00Z");
            var og = store.members().create(new Members.NewProfile(DiscordUserId.of("700000000000000001"), "Liet", Role.NAIB,
                    Optional.empty(), Optional.empty(), PictureSource.NONE), launch.plus(Duration.ofDays(10)));
            store.members().completeOnboarding(og.memberId(), T0);
            var recent = store.members().create(new Members.NewProfile(DiscordUserId.of("700000000000000002"), "Jamis", Role.FEDAYKIN,
                    Optional.empty(), Optional.empty(), PictureSource.NONE), T0.minus(Duration.ofDays(95)));
            store.members().completeOnboarding(recent.memberId(), T0);
            store.activity().awardAutomatic(recent.memberId(), java.util.Set.of(Badge.VETERAN), T0.minus(Duration.ofDays(1)));
            store.memberBadges().revoke(recent.memberId(), "veteran", "council", T0.minus(Duration.ofHours(1)));
            var social = new SietchSettings.Social(SietchSettings.Social.DEFAULT.activity(), launch, Duration.ofDays(30), 160,
                    dev.sietch.http.PictureSettings.DEFAULT);

            assertThat(SocialJobs.badgeCheck(store, social, clock)).isEqualTo("3 badge(s) awarded to 2 onboarded member(s)");

            assertThat(store.memberBadges().held(og.memberId())).extracting(held -> held.badge())
                    .containsExactlyInAnyOrder(Badge.OG, Badge.VETERAN, Badge.ELDER);
            assertThat(store.memberBadges().held(recent.memberId())).isEmpty(); // veteran stays revoked
            assertThat(SocialJobs.badgeCheck(store, social, clock)).startsWith("0 badge(s)");
        }
    }
}
