package dev.sietch.core.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The roles the bot gives from a member's standing: Onboarded once
 * onboarding is complete; Engaged with 5+ badges or an activity balance of 200+; Veteran after 90
 * days (never taken away); Trusted with 10+ badges or the Helper badge; Former Naib while a member
 * who held a Naib seat holds none.
 */
public enum DynamicRole {
    ONBOARDED, ENGAGED, VETERAN, TRUSTED, FORMER_NAIB;

    public static final int ENGAGED_BADGES = 5;
    public static final int ENGAGED_BALANCE = 200;
    public static final int TRUSTED_BADGES = 10;

    /** Whether the role is removed when the member no longer qualifies. */
    public boolean removable() {
        return this == ENGAGED || this == TRUSTED || this == FORMER_NAIB;
    }

    /** The configuration name: {@code onboarded}, …, {@code former-naib}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Set<DynamicRole> qualified(boolean onboarded, Set<Badge> badges, double activityBalance,
            Instant memberSince, Instant now) {
        return qualified(onboarded, badges, activityBalance, memberSince, now, false);
    }

    /** @param formerNaibUnseated whether the member held a Naib seat and holds none now */
    public static Set<DynamicRole> qualified(boolean onboarded, Set<Badge> badges, double activityBalance,
            Instant memberSince, Instant now, boolean formerNaibUnseated) {
        var roles = EnumSet.noneOf(DynamicRole.class);
        if (!onboarded) {
            return roles;
        }
        roles.add(ONBOARDED);
        if (badges.size() >= ENGAGED_BADGES || activityBalance >= ENGAGED_BALANCE) {
            roles.add(ENGAGED);
        }
        if (BadgeRules.days(memberSince, now) >= BadgeRules.VETERAN_DAYS) {
            roles.add(VETERAN);
        }
        if (badges.size() >= TRUSTED_BADGES || badges.contains(Badge.HELPER)) {
            roles.add(TRUSTED);
        }
        if (formerNaibUnseated) {
            roles.add(FORMER_NAIB);
        }
        return roles;
    }
}
