package dev.sietch.app;

import dev.sietch.app.config.SietchSettings;
import dev.sietch.core.model.Activity;
import dev.sietch.core.model.Badge;
import dev.sietch.core.model.BadgeRules;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The social layer's jobs: activity decay (every decay period), the daily badge check, the alert week. */
final class SocialJobs {

    private SocialJobs() {}

    static List<Jobs.Job> of(Store store, SietchSettings.Social social, Clock clock) {
        return List.of(
                new Jobs.Job("activity-decay", social.activity().decayPeriod(),
                        () -> store.activity().decayAll(clock.instant(), social.activity()) + " balance(s) decayed"),
                new Jobs.Job("badge-check", Duration.ofDays(1), () -> badgeCheck(store, social, clock)),
                new Jobs.Job("alert-week", Duration.ofHours(1), () -> alertWeek(store, clock)));
    }

    /**
     * Starts a new alert week once Monday 00:00 UTC has passed: the members' weekly counts only
     * (checked hourly; sync health and everything else untouched).
     */
    static String alertWeek(Store store, Clock clock) {
        Instant now = clock.instant();
        Instant week = dev.sietch.core.model.AlertRules.weekStart(now);
        return store.notifications().resetWeek(week, now)
                .map(rows -> "week of " + week + " started: " + rows + " member(s) reset")
                .orElse("week of " + week + " already started");
    }

    /** Awards every onboarded member the tenure and activity badges they have earned (never a revoked one). */
    static String badgeCheck(Store store, SietchSettings.Social social, Clock clock) {
        Instant now = clock.instant();
        int members = store.members().onboardedCount();
        int awarded = 0;
        for (MemberProfile member : store.members().leaderboard(Math.max(members, 1))) {
            double balance = store.activity().current(member.memberId(), now, social.activity())
                    .map(Activity::balance).orElse(0.0);
            Set<Badge> earned = BadgeRules.earned(member.memberSince(), now, social.launch(), balance);
            awarded += store.activity().awardAutomatic(member.memberId(), earned, now).size();
        }
        return awarded + " badge(s) awarded to " + members + " onboarded member(s)";
    }
}
