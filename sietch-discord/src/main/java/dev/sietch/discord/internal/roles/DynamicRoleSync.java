package dev.sietch.discord.internal.roles;

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
import java.util.List;
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
 * Trusted) for every onboarded member in the guild, through JDA's paced REST
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
    private final RoleAudit audit;

    private final dev.sietch.core.port.NaibSeats seats;

    public DynamicRoleSync(Map<DynamicRole, Long> roleIds, Members members, MemberBadges badges, ActivityLedger activity,
            Activity.Settings settings, Clock clock, RoleAudit audit, dev.sietch.core.port.NaibSeats seats) {
        this.seats = seats;
        this.audit = audit;
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
        var pending = new ArrayList<CompletableFuture<Void>>();
        int[] counts = new int[2];
        for (MemberProfile profile : members.leaderboard(Math.max(members.onboardedCount(), 1))) {
            plan(guild, profile, now, pending, counts);
        }
        int failed = RoleSync.awaitAll(pending, timeout);
        log.info("Discord: member roles: {} added, {} removed, {} failed", counts[0], counts[1], failed);
        return new Result(counts[0], counts[1], failed);
    }

    /** Brings one member's roles in line at once (after a badge change), without waiting for Discord. */
    public void applyTo(Guild guild, MemberProfile profile) {
        if (!roleIds.isEmpty()) {
            plan(guild, profile, clock.instant(), new ArrayList<>(), new int[2]);
        }
    }

    private void plan(Guild guild, MemberProfile profile, Instant now, List<CompletableFuture<Void>> pending, int[] counts) {
        Member member = guild.getMemberById(profile.discordUserId().value());
        if (member == null) {
            return;
        }
        Set<Badge> held = badges.held(profile.memberId()).stream().map(MemberBadges.Held::badge)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Badge.class)));
        double balance = activity.current(profile.memberId(), now, settings).map(Activity::balance).orElse(0.0);
        boolean unseated = profile.formerNaib()
                && seats.active().stream().noneMatch(s -> s.memberId().equals(profile.memberId()));
        Set<DynamicRole> qualified = DynamicRole.qualified(profile.onboardingComplete(), held, balance,
                profile.memberSince(), now, unseated);
        for (var entry : roleIds.entrySet()) {
            Role role = guild.getRoleById(entry.getValue());
            if (role == null) {
                continue;
            }
            boolean has = member.getRoles().contains(role);
            boolean should = qualified.contains(entry.getKey());
            String name = entry.getKey().name().toLowerCase(java.util.Locale.ROOT);
            if (should && !has) {
                pending.add(audit.track(guild.addRoleToMember(member, role).reason("Sietch: qualification met").submit(),
                        profile.discordUserId(), java.util.Optional.empty(), name, true, "qualification_met"));
                counts[0]++;
            } else if (!should && has && entry.getKey().removable()) {
                pending.add(audit.track(guild.removeRoleFromMember(member, role).reason("Sietch: qualification lost").submit(),
                        profile.discordUserId(), java.util.Optional.empty(), name, false, "qualification_lost"));
                counts[1]++;
            }
        }
    }
}
