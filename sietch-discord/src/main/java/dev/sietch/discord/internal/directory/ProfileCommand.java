package dev.sietch.discord.internal.directory;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.TenureCategory;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.Members;
import dev.sietch.discord.internal.common.MemberEmbeds;
import dev.sietch.discord.internal.common.NymChoices;
import dev.sietch.discord.internal.interaction.SlashCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /profile view [nym]}: the caller's own profile privately, or another member's publicly
 * with tenure and badges and never a wallet.
 */
public final class ProfileCommand implements SlashCommand {

    private final Members members;
    private final MemberBadges badges;
    private final Instant launch;
    private final Clock clock;
    private final Optional<java.util.function.BiConsumer<SlashCommandInteractionEvent, Boolean>> edit;

    /** @param edit the {@code edit} subcommand (given the event and whether the caller has a profile), if offered */
    public ProfileCommand(Members members, MemberBadges badges, Instant launch, Clock clock,
            Optional<java.util.function.BiConsumer<SlashCommandInteractionEvent, Boolean>> edit) {
        this.members = members;
        this.badges = badges;
        this.launch = launch;
        this.clock = clock;
        this.edit = edit;
    }

    @Override
    public SlashCommandData data() {
        var data = Commands.slash("profile", "View or edit your Sietch profile")
                .addSubcommands(new SubcommandData("view", "View a profile")
                        .addOption(OptionType.STRING, "nym", "Nym of the member to view (leave empty for your own)", false, true));
        if (edit.isPresent()) {
            data.addSubcommands(new SubcommandData("edit", "Change your nym or bio (in direct messages)"));
        }
        return data;
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        if ("edit".equals(event.getSubcommandName()) && edit.isPresent()) {
            edit.get().accept(event, members.byDiscordId(new DiscordUserId(event.getUser().getIdLong())).isPresent());
            return;
        }
        Optional<String> nym = Optional.ofNullable(event.getOption("nym")).map(OptionMapping::getAsString)
                .map(String::strip).filter(s -> !s.isEmpty());
        if (nym.isEmpty()) {
            own(event);
            return;
        }
        Optional<MemberProfile> found = members.byNym(nym.get()).filter(MemberProfile::onboardingComplete);
        if (found.isEmpty()) {
            event.reply("No member found with nym \"" + nym.get() + "\"").setEphemeral(true).queue();
            return;
        }
        MemberProfile m = found.get();
        List<MemberBadges.Held> held = badges.held(m.memberId());
        var embed = new EmbedBuilder().setTitle(MemberEmbeds.tierEmoji(m.tier()) + " " + m.nym())
                .setColor(MemberEmbeds.tierColour(m.tier()))
                .addField("Tier", MemberEmbeds.tierName(m.tier()), true)
                .addField("Tenure", MemberEmbeds.tenure(TenureCategory.of(m.memberSince(), clock.instant(), launch)), true)
                .addField("Badges", held.size() + " earned", true)
                .setFooter("Sietch protects member privacy • No wallet addresses shown");
        m.bio().ifPresent(embed::setDescription);
        MemberEmbeds.picture(m, true).ifPresent(embed::setThumbnail);
        if (!held.isEmpty()) {
            String recent = held.stream().limit(5).map(h -> h.badge().emoji() + " " + h.badge().displayName())
                    .collect(Collectors.joining(" • "));
            embed.addField("Badges Held", held.size() > 5 ? recent + " (+" + (held.size() - 5) + " more)" : recent, false);
        }
        event.replyEmbeds(embed.build()).queue();
    }

    private void own(SlashCommandInteractionEvent event) {
        Optional<MemberProfile> found = members.byDiscordId(new DiscordUserId(event.getUser().getIdLong()));
        if (found.isEmpty()) {
            event.reply("You have no Sietch profile yet. Link your wallet with /verify; once you hold a place in "
                    + "the top 69 you can set one up.").setEphemeral(true).queue();
            return;
        }
        MemberProfile m = found.get();
        var embed = new EmbedBuilder().setTitle(MemberEmbeds.tierEmoji(m.tier()) + " " + m.nym())
                .setColor(MemberEmbeds.tierColour(m.tier()))
                .addField("Tier", MemberEmbeds.tierName(m.tier()), true)
                .addField("Member Since", MemberEmbeds.date(m.memberSince()), true)
                .addField("Onboarding", m.onboardingComplete() ? "\u2705 Complete" : "\u23F3 In Progress", true)
                .setTimestamp(clock.instant());
        m.bio().ifPresent(embed::setDescription);
        MemberEmbeds.picture(m, false).ifPresent(embed::setThumbnail);
        event.replyEmbeds(embed.build()).setEphemeral(true).queue();
    }

    @Override
    public java.util.List<net.dv8tion.jda.api.interactions.commands.Command.Choice> autocomplete(
            net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent event) {
        return NymChoices.plain(members, event.getFocusedOption().getValue());
    }
}
