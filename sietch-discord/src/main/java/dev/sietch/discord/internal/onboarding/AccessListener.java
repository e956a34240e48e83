package dev.sietch.discord.internal.onboarding;

import dev.sietch.core.model.DiscordUserId;
import java.util.HashSet;
import java.util.Set;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRoleAddEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers the onboarding wizard when a member gains access — @Naib or @Fedaykin while holding
 * neither before, e.g. given by Collab.Land — and has no profile yet. The
 * member's previous roles are the current ones minus those just added, so no cached "old member"
 * is needed.
 */
public final class AccessListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AccessListener.class);

    private final long guildId;
    private final Set<Long> accessRoles;
    private final OnboardingFlow flow;

    public AccessListener(long guildId, Set<Long> accessRoles, OnboardingFlow flow) {
        this.guildId = guildId;
        this.accessRoles = Set.copyOf(accessRoles);
        this.flow = flow;
    }

    @Override
    public void onGuildMemberRoleAdd(GuildMemberRoleAddEvent event) {
        if (event.getGuild().getIdLong() != guildId || event.getUser().isBot()) {
            return;
        }
        boolean gained = event.getRoles().stream().map(Role::getIdLong).anyMatch(accessRoles::contains);
        var before = new HashSet<>(event.getMember().getRoles());
        before.removeAll(event.getRoles());
        boolean hadAccess = before.stream().map(Role::getIdLong).anyMatch(accessRoles::contains);
        if (!gained || hadAccess) {
            return;
        }
        DiscordUserId user = new DiscordUserId(event.getUser().getIdLong());
        Thread.ofVirtual().name("onboarding-start").start(() -> {
            try {
                flow.startByDirectMessage(event.getJDA(), user)
                        .ifPresent(why -> log.info("Discord: no onboarding for {} on gaining access: {}", user, why));
            } catch (RuntimeException e) {
                log.info("Discord: the onboarding DM to {} failed: {}", user, e.toString());
            }
        });
    }
}
