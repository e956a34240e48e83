package dev.sietch.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which automatic badges a member has earned. Thresholds, in one place:
 * OG — joined within 30 days of the launch (or before it); Veteran — 90 days a member; Elder — 180
 * days; Consistent / Dedicated / Devoted — an activity balance of 100 / 250 / 500 after decay (the
 * values the catalogue's descriptions state).
 * Every qualifying badge is earned, not only the highest. Contribution and special badges are
 * awarded by hand only.
 */
public final class BadgeRules {

    public static final int CONSISTENT_BALANCE = 100;
    public static final int DEDICATED_BALANCE = 250;
    public static final int DEVOTED_BALANCE = 500;
    public static final int OG_DAYS_AFTER_LAUNCH = 30;
    public static final int VETERAN_DAYS = 90;
    public static final int ELDER_DAYS = 180;

    private BadgeRules() {}

    public static Set<Badge> earned(Instant memberSince, Instant now, Instant launch, double activityBalance) {
        var earned = EnumSet.noneOf(Badge.class);
        if (days(launch, memberSince) <= OG_DAYS_AFTER_LAUNCH) {
            earned.add(Badge.OG);
        }
        long membership = days(memberSince, now);
        if (membership >= VETERAN_DAYS) {
            earned.add(Badge.VETERAN);
        }
        if (membership >= ELDER_DAYS) {
            earned.add(Badge.ELDER);
        }
        earned.addAll(forActivity(activityBalance));
        return earned;
    }

    /** The engagement badges an activity balance has earned (checked as points arrive). */
    public static Set<Badge> forActivity(double activityBalance) {
        var earned = EnumSet.noneOf(Badge.class);
        if (activityBalance >= CONSISTENT_BALANCE) {
            earned.add(Badge.CONSISTENT);
        }
        if (activityBalance >= DEDICATED_BALANCE) {
            earned.add(Badge.DEDICATED);
        }
        if (activityBalance >= DEVOTED_BALANCE) {
            earned.add(Badge.DEVOTED);
        }
        return earned;
    }

    /** Whole days from {@code from} to {@code to}, rounded down (negative when {@code to} is earlier). */
    static long days(Instant from, Instant to) {
        return Math.floorDiv(Duration.between(from, to).toMillis(), Duration.ofDays(1).toMillis());
    }
}
