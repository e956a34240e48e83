package dev.sietch.discord.internal.archfixture;

import dev.sietch.discord.internal.roles.RoleAudit;

/** Violates: a feature package reaches into another feature's (roles) instead of the shared packages. */
public final class FeatureUsesAnother {
    public String describe(RoleAudit audit) {
        return audit.toString();
    }
}
