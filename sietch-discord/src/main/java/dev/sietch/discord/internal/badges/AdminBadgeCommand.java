package dev.sietch.discord.internal.badges;

import dev.sietch.core.model.Badge;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.Members;
import dev.sietch.core.usecase.AwardBadge;
import dev.sietch.core.usecase.RevokeBadge;
import dev.sietch.discord.internal.common.NymChoices;
import dev.sietch.discord.internal.interaction.SlashCommand;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /admin-badge award|revoke}. Discord shows it to administrators
 * only, and the bot checks the permission again (a guild can change who sees it). Only
 * contribution and special badges can be awarded by hand; any held badge can be revoked, and a
 * revoked automatic badge is never given back by the daily check. Each change writes its audit row.
 */
public final class AdminBadgeCommand implements SlashCommand {

    static final int MAX_REASON = 500;

    private final Members members;
    private final MemberBadges badges;
    private final AwardBadge awardBadge;
    private final RevokeBadge revokeBadge;

    /** The roles of a member follow an award or revocation through the use cases' listeners. */
    public AdminBadgeCommand(Members members, MemberBadges badges, AwardBadge awardBadge, RevokeBadge revokeBadge) {
        this.members = members;
        this.badges = badges;
        this.awardBadge = awardBadge;
        this.revokeBadge = revokeBadge;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("admin-badge", "Admin: Award or revoke badges")
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.ADMINISTRATOR))
                .setContexts(InteractionContextType.GUILD)
                .addSubcommands(
                        new SubcommandData("award", "Award a contribution or special badge").addOptions(
                                new OptionData(OptionType.STRING, "nym", "Nym of the member", true, true),
                                new OptionData(OptionType.STRING, "badge", "The badge", true, true),
                                new OptionData(OptionType.STRING, "reason", "Why it is awarded", true)
                                        .setMaxLength(MAX_REASON)),
                        new SubcommandData("revoke", "Revoke a badge").addOptions(
                                new OptionData(OptionType.STRING, "nym", "Nym of the member", true, true),
                                new OptionData(OptionType.STRING, "badge", "The badge", true, true)));
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        if (event.getMember() == null || !event.getMember().hasPermission(Permission.ADMINISTRATOR)) {
            event.reply("Only administrators can award or revoke badges.").setEphemeral(true).queue();
            return;
        }
        String nym = event.getOption("nym", "", OptionMapping::getAsString).strip();
        String badgeId = event.getOption("badge", "", OptionMapping::getAsString).strip();
        Optional<MemberProfile> member = members.byNym(nym);
        if (member.isEmpty()) {
            event.reply("No member found with the nym \"" + nym + "\".").setEphemeral(true).queue();
            return;
        }
        Optional<Badge> badge = Badge.byId(badgeId);
        if (badge.isEmpty()) {
            event.reply("Badge \"" + badgeId + "\" not found.").setEphemeral(true).queue();
            return;
        }
        String admin = event.getUser().getId();
        String name = badge.get().displayName();
        String shown = member.get().nym();
        String answer;
        if ("award".equals(event.getSubcommandName())) {
            String reason = event.getOption("reason", "", OptionMapping::getAsString).strip();
            answer = switch (awardBadge.award(member.get().memberId(), badge.get().id(), admin,
                    reason.isEmpty() ? Optional.empty() : Optional.of(reason), event.getUser().getName())) {
                case AwardBadge.Awarded awarded -> "✅ Awarded **" + name + "** badge to **" + shown + "**."
                        + (reason.isEmpty() ? "" : "\n*Reason: " + reason + "*");
                case AwardBadge.NotAwardable automatic ->
                        "\"" + name + "\" is earned automatically; only contribution and special badges can be awarded.";
                case AwardBadge.AlreadyHeld held -> shown + " already holds \"" + name + "\".";
                case AwardBadge.NoSuchMember missing -> "No member found with the nym \"" + nym + "\".";
                case AwardBadge.NoSuchBadge missing -> "Badge \"" + badgeId + "\" not found.";
            };
        } else {
            answer = switch (revokeBadge.revoke(member.get().memberId(), badge.get().id(), admin)) {
                case RevokeBadge.Revoked revoked -> "✅ Revoked **" + name + "** badge from **" + shown + "**.";
                case RevokeBadge.NotHeld notHeld -> "Could not revoke \"" + name + "\" from " + shown + ": they do not hold it.";
                case RevokeBadge.NoSuchMember missing -> "No member found with the nym \"" + nym + "\".";
            };
        }
        event.reply(answer).setEphemeral(true).queue();
    }

    @Override
    public List<Command.Choice> autocomplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue();
        if (event.getFocusedOption().getName().equals("nym")) {
            return NymChoices.withTier(members, typed);
        }
        List<Badge> candidates;
        if ("award".equals(event.getSubcommandName())) {
            candidates = Badge.CATALOGUE.stream().filter(Badge::isManual).toList();
        } else {
            Optional<MemberProfile> member = Optional.ofNullable(event.getOption("nym"))
                    .map(OptionMapping::getAsString).flatMap(members::byNym);
            candidates = member.map(m -> badges.held(m.memberId()).stream().map(MemberBadges.Held::badge).toList())
                    .orElse(Badge.CATALOGUE);
        }
        String needle = typed.strip().toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(b -> b.displayName().toLowerCase(Locale.ROOT).contains(needle) || b.id().contains(needle))
                .limit(NymChoices.MAX)
                .map(b -> new Command.Choice(b.emoji() + " " + b.displayName() + " (" + b.category().wireName() + ")", b.id()))
                .toList();
    }
}
