package dev.sietch.discord.internal.badges;

import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.Members;
import dev.sietch.discord.internal.common.MemberEmbeds;
import dev.sietch.discord.internal.common.NymChoices;
import dev.sietch.discord.internal.interaction.SlashCommand;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /badges [nym]}: the caller's badges privately, with descriptions and dates, or another
 * member's publicly.
 */
public final class BadgesCommand implements SlashCommand {

    static final int COLOUR = 0xD4AF37;

    private final Members members;
    private final MemberBadges badges;

    public BadgesCommand(Members members, MemberBadges badges) {
        this.members = members;
        this.badges = badges;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("badges", "View badges earned by you or another member")
                .addOption(OptionType.STRING, "nym", "Nym of the member (leave empty for your own)", false, true);
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        Optional<String> nym = Optional.ofNullable(event.getOption("nym")).map(OptionMapping::getAsString)
                .map(String::strip).filter(s -> !s.isEmpty());
        if (nym.isEmpty()) {
            own(event);
            return;
        }
        Optional<MemberProfile> member = members.byNym(nym.get());
        if (member.isEmpty()) {
            event.reply("No member found with the nym \"" + nym.get() + "\".").setEphemeral(true).queue();
            return;
        }
        if (!member.get().onboardingComplete()) {
            event.reply("This member hasn't completed onboarding yet.").setEphemeral(true).queue();
            return;
        }
        List<MemberBadges.Held> held = badges.held(member.get().memberId());
        var embed = new EmbedBuilder()
                .setTitle(MemberEmbeds.tierEmoji(member.get().tier()) + " " + member.get().nym() + "'s Badges")
                .setColor(COLOUR).setFooter(count(held.size()) + " • Sietch");
        MemberEmbeds.picture(member.get(), true).ifPresent(embed::setThumbnail);
        List<String> lines = held.stream().map(h -> h.badge().emoji() + " " + h.badge().displayName()).toList();
        if (lines.isEmpty()) {
            embed.setDescription("This member hasn't earned any badges yet.");
        } else if (lines.size() <= 5) {
            embed.setDescription(String.join("\n", lines));
        } else {
            int left = (lines.size() + 1) / 2;
            embed.addField("\u200B", String.join("\n", lines.subList(0, left)), true);
            embed.addField("\u200B", String.join("\n", lines.subList(left, lines.size())), true);
        }
        event.replyEmbeds(embed.build()).queue();
    }

    private void own(SlashCommandInteractionEvent event) {
        Optional<MemberProfile> member = members.byDiscordId(new DiscordUserId(event.getUser().getIdLong()));
        if (member.isEmpty() || !member.get().onboardingComplete()) {
            event.reply("Complete your Sietch profile first to see your badges.").setEphemeral(true).queue();
            return;
        }
        List<MemberBadges.Held> held = badges.held(member.get().memberId());
        var embed = new EmbedBuilder().setTitle(member.get().nym() + "'s Badges").setColor(COLOUR)
                .setFooter("Total: " + count(held.size()) + " • Sietch");
        MemberEmbeds.picture(member.get(), false).ifPresent(embed::setThumbnail);
        if (held.isEmpty()) {
            embed.setDescription("""
                    **How to earn badges**
                    • Tenure: stay a member for 90 and 180 days (members from the launch are OG)
                    • Engagement: be active — messages and reactions build your activity balance
                    • Contribution: help others; the team awards these
                    • Special: given for moments in Sietch's history""");
        }
        for (Badge.Category category : Badge.Category.values()) {
            String value = held.stream().filter(h -> h.badge().category() == category)
                    .map(h -> h.badge().emoji() + " **" + h.badge().displayName() + "** - " + h.badge().description()
                            + "\n*Earned: " + MemberEmbeds.date(h.awardedAt()) + "*")
                    .collect(Collectors.joining("\n\n"));
            if (!value.isEmpty()) {
                embed.addField(categoryTitle(category), value, false);
            }
        }
        event.replyEmbeds(embed.build()).setEphemeral(true).queue();
    }

    private static String categoryTitle(Badge.Category category) {
        return switch (category) {
            case TENURE -> "\uD83C\uDFC6 Tenure Badges";
            case ENGAGEMENT -> "\u26A1 Engagement Badges";
            case CONTRIBUTION -> "\uD83E\uDD1D Contribution Badges";
            case SPECIAL -> "\u2728 Special Badges";
        };
    }

    private static String count(int n) {
        return n + (n == 1 ? " badge" : " badges");
    }

    @Override
    public java.util.List<net.dv8tion.jda.api.interactions.commands.Command.Choice> autocomplete(
            net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent event) {
        return NymChoices.withTier(members, event.getFocusedOption().getValue());
    }
}
