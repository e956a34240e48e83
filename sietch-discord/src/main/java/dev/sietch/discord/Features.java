package dev.sietch.discord;

import dev.sietch.core.model.Bio;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.usecase.AwardBadge;
import dev.sietch.core.usecase.MemberChanges;
import dev.sietch.core.usecase.RevokeBadge;
import dev.sietch.core.usecase.JoinWaitlist;
import dev.sietch.core.usecase.LinkWallet;
import dev.sietch.core.usecase.ReadCommunity;
import dev.sietch.discord.internal.activity.ActivityListener;
import dev.sietch.discord.internal.activity.StatsCommand;
import dev.sietch.discord.internal.alerts.AlertDelivery;
import dev.sietch.discord.internal.alerts.AlertsCommand;
import dev.sietch.discord.internal.announcements.Census;
import dev.sietch.discord.internal.announcements.Delivery;
import dev.sietch.discord.internal.badges.AdminBadgeCommand;
import dev.sietch.discord.internal.badges.BadgesCommand;
import dev.sietch.discord.internal.badges.LeaderboardCommand;
import dev.sietch.discord.internal.directory.DirectoryCommand;
import dev.sietch.discord.internal.directory.ProfileCommand;
import dev.sietch.discord.internal.interaction.ComponentHandler;
import dev.sietch.discord.internal.interaction.SlashCommand;
import dev.sietch.discord.internal.naib.NaibCommand;
import dev.sietch.discord.internal.onboarding.AccessListener;
import dev.sietch.discord.internal.onboarding.LinkConfirmation;
import dev.sietch.discord.internal.onboarding.MigrationPrompts;
import dev.sietch.discord.internal.onboarding.OnboardCommand;
import dev.sietch.discord.internal.onboarding.OnboardingFlow;
import dev.sietch.discord.internal.onboarding.ProfileEditor;
import dev.sietch.discord.internal.onboarding.VerifyCommand;
import dev.sietch.discord.internal.ranking.PositionCommand;
import dev.sietch.discord.internal.ranking.ThresholdCommand;
import dev.sietch.discord.internal.ranking.WaitlistCommand;
import dev.sietch.discord.internal.roles.DynamicRoleSync;
import dev.sietch.discord.internal.roles.RoleAudit;
import dev.sietch.discord.internal.roles.RoleSync;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Every feature of the bot, built from its inputs: the one place where a slash command, a
 * component handler, a gateway listener or a routine is added, explicitly and in groups (nothing
 * is found by scanning, so nothing needs reflection). Optional inputs switch their features off:
 * without wallet linking there is no /verify, without onboarding no wizard, without profile
 * editing no {@code /profile edit}.
 *
 * @param commands the slash commands, in the order they are registered with Discord
 * @param components the handlers of buttons, menus and modals, one per feature
 * @param listeners the gateway listeners besides the interaction router
 * @param routines what follows a sync, the retries and the daily jobs
 * @param onLinked what a completed wallet link does, when linking is offered
 * @param rolesOnBadgeChanges the member's roles following a badge change from any door, until closed
 */
record Features(List<SlashCommand> commands, List<ComponentHandler> components, List<ListenerAdapter> listeners,
        Routines routines, Optional<Consumer<LinkWallet.Linked>> onLinked, MemberChanges.Subscription rolesOnBadgeChanges) {

    Features {
        commands = List.copyOf(commands);
        components = List.copyOf(components);
        listeners = List.copyOf(listeners);
    }

    static Features create(JDA jda, long guildId, DiscordSettings.Roles roles, DiscordSettings.Channels channels,
            SietchBot.Sources sources) {
        var community = sources.community();
        var social = sources.social();
        var clock = sources.clock();

        // shared services
        var reading = new ReadCommunity(community.members(), community.links(), community.seats(), community.rankings(),
                community.policy());
        var stats = new DeliveryStats();
        var roleAudit = new RoleAudit(community.audit(), community.members(), clock);
        var memberRoles = new DynamicRoleSync(roles.dynamic(), community.members(), social.badges(), social.activity(),
                social.activitySettings(), clock, roleAudit, community.seats());
        Consumer<MemberProfile> rolesFollow = profile -> {
            var current = jda.getGuildById(guildId);
            if (current != null) {
                memberRoles.applyTo(current, profile);
            }
        };
        Optional<OnboardingFlow> flow = sources.onboarding().map(onboard -> new OnboardingFlow(onboard, rolesFollow,
                onboard.settings().maxBioLength()));
        Optional<ProfileEditor> editor = sources.editing().map(edit -> new ProfileEditor(edit,
                sources.onboarding().map(o -> o.settings().maxBioLength()).orElse(Bio.DEFAULT_MAX_LENGTH)));
        var directory = new DirectoryCommand(community.members(), social.launch(), clock);
        var alertSettings = new AlertsCommand(community.members(), community.notifications(), community.seats(), clock);

        // slash commands
        var commands = new ArrayList<SlashCommand>(List.of(
                new PositionCommand(reading),
                new StatsCommand(community.members(), social.activity(), social.activitySettings(), clock),
                new BadgesCommand(community.members(), social.badges()),
                new ProfileCommand(community.members(), social.badges(), social.launch(), clock, editor.map(e -> e::start)),
                new LeaderboardCommand(community.members(), social.launch(), clock),
                new NaibCommand(reading, community.members(), clock),
                new ThresholdCommand(reading, community.waitlist(), clock),
                new WaitlistCommand(new JoinWaitlist(community.waitlist(), community.links(), community.rankings(),
                        community.policy(), clock), roles.taqwa())));
        sources.linking().ifPresent(linking -> commands.add(new VerifyCommand(linking)));
        commands.add(new AdminBadgeCommand(community.members(), social.badges(),
                new AwardBadge(community.members(), social.badges(), clock, social.changes()),
                new RevokeBadge(community.members(), social.badges(), clock, social.changes())));
        commands.add(directory);
        commands.add(alertSettings);
        flow.ifPresent(f -> commands.add(new OnboardCommand(f)));

        // buttons, menus and modals
        var components = new ArrayList<ComponentHandler>(List.of(directory, alertSettings));
        flow.ifPresent(components::add);
        editor.ifPresent(components::add);

        // gateway listeners
        var listeners = new ArrayList<ListenerAdapter>();
        Set<Long> accessRoles = new HashSet<>();
        roles.naib().ifPresent(accessRoles::add);
        roles.fedaykin().ifPresent(accessRoles::add);
        flow.filter(f -> !accessRoles.isEmpty()).ifPresent(f -> listeners.add(new AccessListener(guildId, accessRoles, f)));
        listeners.add(new ActivityListener(guildId, social.activity(), social.activitySettings(), clock,
                discordUserId -> community.members().byDiscordId(discordUserId).ifPresent(rolesFollow)));

        // routines: after each sync, the retries, the daily jobs
        Optional<RoleSync> roleSync = roles.mode() == DiscordSettings.Roles.Mode.SIETCH
                ? Optional.of(new RoleSync(roles.naib().getAsLong(), roles.fedaykin().getAsLong(), roleAudit))
                : Optional.empty();
        var delivery = new Delivery(new Delivery.Channels(channels.theDoor(), channels.fallback()), sources.outbox(),
                community.links(), community.members(), community.notifications(), community.rankings(), stats, clock);
        var alerts = new AlertDelivery(community.notifications(), community.members(), stats, clock);
        Optional<Census> census = channels.census().isPresent()
                ? Optional.of(new Census(channels.census().getAsLong(), community.rankings(), community.policy(),
                        community.health(), sources.state(), stats, clock))
                : Optional.empty();
        var routines = new Routines(sources, roleSync, delivery, alerts, census, memberRoles,
                new MigrationPrompts(channels.fallback(), stats), stats);
        Optional<Consumer<LinkWallet.Linked>> onLinked = sources.linking().map(linking -> new LinkConfirmation(jda, stats, flow));

        // a badge awarded or revoked here or through the admin API: the member's roles follow
        MemberChanges.Subscription rolesOnBadgeChanges = social.changes().subscribe(rolesFollow);
        return new Features(commands, components, listeners, routines, onLinked, rolesOnBadgeChanges);
    }
}
