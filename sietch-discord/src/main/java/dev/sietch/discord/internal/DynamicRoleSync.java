package dev.sietch.discord.internal;

import dev.sietch.core.model.Activity;
import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DynamicRole;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.ActivityLedger;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.Members;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives and takes the roles that follow from a member's standing (Onboarded, Engaged, Veteran,
 * Trusted; spec domain.md §3.8) for every onboarded member in the guild, through JDA's paced REST
 * queue. Only configured roles are touched; Veteran is never taken away.
 */
public final class DynamicRoleSync {

    private static final Logger log = LoggerFactory.getLogger(DynamicRoleSync.class);

    /** What a run did. */
    public record Result(int added, int removed, int failed) {}

    private final Map<DynamicRole, Long> roleIds;
    private final Members members;
    private final MemberBadges badges;
    private final ActivityLedger activity;
    private final Activity.Settings settings;
    private final Clock clock;

    public DynamicRoleSync(Map<DynamicRole, Long> roleIds, Members members, MemberBadges badges, ActivityLedger activity,
            Activity.Settings settings, Clock clock) {
        this.roleIds = Map.copyOf(roleIds);
        this.members = members;
        this.badges = badges;
        this.activity = activity;
        this.settings = settings;
        this.clock = clock;
    }

    public Result apply(Guild guild, Duration timeout) throws InterruptedException {
        if (roleIds.isEmpty()) {
            return new Result(0, 0, 0);
        }
        Instant now = clock.instant();
        int added = 0;
        int removed = 0;
        var pending = new ArrayList<CompletableFuture<Void>>();
        for (MemberProfile profile : members.leaderboard(Math.max(members.onboardedCount(), 1))) {
            Member member = guild.getMemberById(profile.discordUserId());
            if (member == null) {
                continue;
            }
            Set<Badge> held = badges.held(profile.memberId()).stream().map(MemberBadges.Held::badge)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Badge.class)));
            double balance = activity.current(profile.memberId(), now, settings).map(Activity::balance).orElse(0.0);
            Set<DynamicRole> qualified = DynamicRole.qualified(profile.onboardingComplete(), held, balance,
                    profile.memberSince(), now);
            for (var entry : roleIds.entrySet()) {
                Role role = guild.getRoleById(entry.getValue());
                if (role == null) {
                    continue;
                }
                boolean has = member.getRoles().contains(role);
                boolean should = qualified.contains(entry.getKey());
                if (should && !has) {
                    pending.add(guild.addRoleToMember(member, role).reason("Sietch: qualification met").submit());
                    added++;
                } else if (!should && has && entry.getKey().removable()) {
                    pending.add(guild.removeRoleFromMember(member, role).reason("Sietch: qualification lost").submit());
                    removed++;
                }
            }
        }
        int failed = RoleSync.awaitAll(pending, timeout);
        log.info("Discord: member roles: {} added, {} removed, {} failed", added, removed, failed);
        return new Result(added, removed, failed);
    }
}
