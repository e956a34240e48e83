package dev.sietch.discord.internal.roles;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.WalletLinks;
import dev.sietch.core.usecase.PlanRoles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.UserSnowflake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link PlanRoles} to the guild. The changes are handed to JDA's REST queue, which paces
 * them by Discord's rate-limit headers (per route bucket), so a large change set drains at the
 * allowed rate instead of hammering into 429s.
 */
public final class RoleSync {

    private static final Logger log = LoggerFactory.getLogger(RoleSync.class);

    /** What a run did: role additions and removals planned, and how many of them failed. */
    public record Result(int added, int removed, int failed) {}

    private final long naibRole;
    private final long fedaykinRole;
    private final RoleAudit audit;

    public RoleSync(long naibRole, long fedaykinRole, RoleAudit audit) {
        this.naibRole = naibRole;
        this.fedaykinRole = fedaykinRole;
        this.audit = audit;
    }

    public Result apply(Guild guild, WalletLinks links, RankingReader rankings, boolean inGracePeriod, Duration timeout)
            throws InterruptedException {
        var naib = guild.getRoleById(naibRole);
        var fedaykin = guild.getRoleById(fedaykinRole);
        if (naib == null || fedaykin == null) {
            throw new IllegalStateException("the configured Naib or Fedaykin role does not exist in the guild");
        }
        Map<DiscordUserId, Set<Role>> held = new HashMap<>();
        Set<DiscordUserId> inGuild = new HashSet<>();
        for (Member member : guild.getMembers()) {
            DiscordUserId account = new DiscordUserId(member.getIdLong());
            inGuild.add(account);
            Set<Role> roles = new HashSet<>();
            if (member.getRoles().contains(naib)) {
                roles.add(Role.NAIB);
            }
            if (member.getRoles().contains(fedaykin)) {
                roles.add(Role.FEDAYKIN);
            }
            if (!roles.isEmpty()) {
                held.put(account, roles);
            }
        }
        Map<DiscordUserId, dev.sietch.core.model.WalletAddress> linked = new HashMap<>(links.all());
        linked.keySet().retainAll(inGuild); // members who left the guild cannot be given roles
        List<PlanRoles.Change> plan = PlanRoles.plan(held, linked, rankings, inGracePeriod);
        var pending = new ArrayList<CompletableFuture<Void>>(plan.size());
        for (PlanRoles.Change change : plan) {
            var role = change.role() == Role.NAIB ? naib : fedaykin;
            var user = UserSnowflake.fromId(change.discordUserId().value());
            pending.add(audit.track((change.add() ? guild.addRoleToMember(user, role) : guild.removeRoleFromMember(user, role))
                    .reason("Sietch ranking").submit(), change.discordUserId(),
                    java.util.Optional.ofNullable(linked.get(change.discordUserId())), change.role().wireName(),
                    change.add(), "ranking"));
        }
        int failed = awaitAll(pending, timeout);
        int additions = (int) plan.stream().filter(PlanRoles.Change::add).count();
        var result = new Result(additions, plan.size() - additions, failed);
        log.info("Discord: role sync: {} added, {} removed, {} failed{}", result.added(), result.removed(), failed,
                inGracePeriod ? " (grace period: nothing removed)" : "");
        return result;
    }

    /**
     * Waits for queued role changes to drain through JDA's rate-limited queue (at most
     * {@code timeout} in all); returns how many failed or did not finish, cancelling the latter.
     */
    static int awaitAll(List<CompletableFuture<Void>> pending, Duration timeout) throws InterruptedException {
        int failed = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<Void> future : pending) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                failed++;
                future.cancel(false);
            }
        }
        return failed;
    }
}
