package dev.sietch.discord.internal.badges;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.TenureCategory;
import dev.sietch.core.port.Members;
import dev.sietch.discord.internal.common.MemberEmbeds;
import dev.sietch.discord.internal.interaction.SlashCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /leaderboard}: the top 20 onboarded members by badges held (ties: earlier members first),
 * public; no wallets, ranks or amounts.
 */
public final class LeaderboardCommand implements SlashCommand {

    static final int SIZE = 20;

    private final Members members;
    private final Instant launch;
    private final Clock clock;

    public LeaderboardCommand(Members members, Instant launch, Clock clock) {
        this.members = members;
        this.launch = launch;
        this.clock = clock;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("leaderboard", "View the engagement leaderboard (ranked by badge count)");
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        Optional<MemberProfile> caller = members.byDiscordId(new DiscordUserId(event.getUser().getIdLong()));
        if (caller.isEmpty() || !caller.get().onboardingComplete()) {
            event.reply("Complete your Sietch profile first to see the leaderboard.").setEphemeral(true).queue();
            return;
        }
        int total = members.onboardedCount();
        List<MemberProfile> all = members.leaderboard(Math.max(total, 1));
        var embed = new EmbedBuilder().setTitle("\uD83C\uDFC6 Engagement Leaderboard").setColor(0xF4A261)
                .setFooter("Rankings based on badge count • " + total + " total members");
        if (all.isEmpty()) {
            embed.setDescription("No leaderboard data available yet.");
        } else {
            var lines = new StringBuilder();
            Instant now = clock.instant();
            for (int i = 0; i < Math.min(SIZE, all.size()); i++) {
                MemberProfile m = all.get(i);
                lines.append(medal(i + 1)).append(' ').append(MemberEmbeds.tierEmoji(m.tier())).append(" **")
                        .append(m.nym()).append("** ")
                        .append(MemberEmbeds.tenure(TenureCategory.of(m.memberSince(), now, launch)).split(" ")[0])
                        .append(" — ").append(m.badgeCount()).append(m.badgeCount() == 1 ? " badge" : " badges")
                        .append('\n');
            }
            embed.setDescription(lines.toString().strip());
            int position = all.indexOf(caller.get()) + 1;
            if (position > SIZE) {
                embed.addField("Your Position", "You are ranked **#" + position + "** of " + total + " members", false);
            }
        }
        event.replyEmbeds(embed.build()).queue();
    }

    static String medal(int rank) {
        return switch (rank) {
            case 1 -> "\uD83E\uDD47";
            case 2 -> "\uD83E\uDD48";
            case 3 -> "\uD83E\uDD49";
            default -> String.format("`#%2d`", rank);
        };
    }
}
