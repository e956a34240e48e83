package dev.sietch.discord.internal.naib;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.Members;
import dev.sietch.core.usecase.ReadCommunity;
import dev.sietch.discord.internal.interaction.SlashCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /naib overview|current|former}, public, for onboarded members. As
 * the HTTP API, it shows the council in seating order and no eligibility rank or amount next to a
 * nym (a "(Rank #r)" would tie nyms to wallets through /eligibility).
 */
public final class NaibCommand implements SlashCommand {

    static final int GOLDEN = 0xFFD700;
    static final int SILVER = 0xC0C0C0;
    private static final String[] SEAT = {"1\uFE0F\u20E3", "2\uFE0F\u20E3", "3\uFE0F\u20E3", "4\uFE0F\u20E3",
            "5\uFE0F\u20E3", "6\uFE0F\u20E3", "7\uFE0F\u20E3", "8\uFE0F\u20E3", "9\uFE0F\u20E3"};
    private static final String FOUNDING = " \uD83C\uDFDB\uFE0F";

    private final ReadCommunity community;
    private final Members members;
    private final Clock clock;

    public NaibCommand(ReadCommunity community, Members members, Clock clock) {
        this.community = community;
        this.members = members;
        this.clock = clock;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("naib", "View the Naib Council (top 7 BGT holders)").addSubcommands(
                new SubcommandData("overview", "The council at a glance"),
                new SubcommandData("current", "The members holding seats"),
                new SubcommandData("former", "Members who held a seat"));
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        if (members.byDiscordId(new DiscordUserId(event.getUser().getIdLong())).filter(MemberProfile::onboardingComplete).isEmpty()) {
            event.reply("Complete your Sietch profile first to view the Naib Council. Run /onboard to set one up.")
                    .setEphemeral(true).queue();
            return;
        }
        String sub = event.getSubcommandName() == null ? "overview" : event.getSubcommandName();
        var embed = switch (sub) {
            case "current" -> current();
            case "former" -> former();
            default -> overview();
        };
        event.replyEmbeds(embed.build()).queue();
    }

    private static String seat(int display) {
        return display >= 1 && display <= SEAT.length ? SEAT[display - 1] : "#" + display;
    }

    private EmbedBuilder overview() {
        List<ReadCommunity.CurrentNaib> current = community.currentNaib();
        List<ReadCommunity.FormerNaib> former = community.formerNaib();
        int seats = community.seatCount();
        var embed = new EmbedBuilder().setTitle("\uD83D\uDC51 Naib Council Overview").setColor(GOLDEN)
                .setDescription("The council's seats go to the members holding the most BGT. A member with more BGT "
                        + "takes the seat of the one with the least.\n\uD83C\uDFDB\uFE0F = Founding Naib")
                .setFooter("Use /naib current or /naib former for detailed views");
        var lines = new StringBuilder();
        for (ReadCommunity.CurrentNaib naib : current) {
            lines.append(seat(naib.displaySeat())).append(" **").append(naib.member().nym()).append("**")
                    .append(naib.founding() ? FOUNDING : "").append('\n');
        }
        embed.addField("Current Council (" + current.size() + "/" + seats + ")",
                current.isEmpty() ? "_All seats empty_" : lines.toString().strip(), false);
        int open = Math.max(0, seats - current.size());
        if (open > 0) {
            embed.addField("\uD83E\uDE91 Available", open + (open == 1 ? " seat open" : " seats open"), true);
        }
        if (!former.isEmpty()) {
            var names = former.stream().limit(5).map(f -> f.member().nym()).toList();
            embed.addField("\uD83D\uDCDC Former Naib (" + former.size() + ")", String.join(", ", names)
                    + (former.size() > 5 ? " +" + (former.size() - 5) + " more" : ""), false);
        }
        return embed;
    }

    private EmbedBuilder current() {
        List<ReadCommunity.CurrentNaib> current = community.currentNaib();
        int seats = community.seatCount();
        Instant now = clock.instant();
        var embed = new EmbedBuilder().setTitle("\uD83D\uDC51 Naib Council").setColor(GOLDEN)
                .setDescription("The " + seats + " seats of the members with the most BGT.\nSeats are defended by BGT "
                        + "held; between equal holdings the longer-seated member keeps the seat.")
                .setFooter("\uD83C\uDFDB\uFE0F = Founding Naib");
        if (current.isEmpty()) {
            return embed.addField("No Current Naib", "All " + seats + " seats are open. Complete onboarding as a "
                    + "member to claim one!", false);
        }
        var lines = new StringBuilder();
        for (ReadCommunity.CurrentNaib naib : current) {
            lines.append(seat(naib.displaySeat())).append(" **").append(naib.member().nym()).append("**")
                    .append(naib.founding() ? FOUNDING : "").append("\n   └ seated ")
                    .append(duration(Duration.between(naib.seatedAt(), now))).append(" ago\n");
        }
        embed.addField("Active Seats (" + current.size() + "/" + seats + ")", lines.toString().strip(), false);
        int open = Math.max(0, seats - current.size());
        if (open > 0) {
            embed.addField("\uD83E\uDE91 Empty Seats", open + (open == 1 ? " seat" : " seats")
                    + " available. Complete onboarding as a member to claim one!", false);
        }
        return embed;
    }

    private EmbedBuilder former() {
        List<ReadCommunity.FormerNaib> former = community.formerNaib();
        Instant now = clock.instant();
        var embed = new EmbedBuilder().setTitle("\uD83D\uDCDC Former Naib").setColor(SILVER)
                .setFooter("Ranked by total time served as Naib");
        if (former.isEmpty()) {
            return embed.addField("No Former Naib Yet", "No member has left a Naib seat yet.", false);
        }
        for (int start = 0; start < former.size() && start < 25 * 5; start += 5) {
            var lines = new StringBuilder();
            for (int i = start; i < Math.min(start + 5, former.size()); i++) {
                ReadCommunity.FormerNaib f = former.get(i);
                lines.append(i + 1).append(". **").append(f.member().nym()).append("**\n   └ ")
                        .append(duration(f.tenure())).append(" total tenure • ").append(f.seatCount())
                        .append(f.seatCount() == 1 ? " term" : " terms").append(" • left ")
                        .append(duration(Duration.between(f.lastUnseatedAt(), now))).append(" ago\n");
            }
            embed.addField(start == 0 ? "Former Members (" + former.size() + ")" : "\u200B", lines.toString().strip(), false);
        }
        return embed;
    }

    /** ≥ 365 days "Xy Zd", ≥ 30 days "Xmo Zd", else "Xd". */
    static String duration(Duration duration) {
        long days = Math.max(0, duration.toDays());
        if (days >= 365) {
            return days / 365 + "y " + days % 365 + "d";
        }
        if (days >= 30) {
            return days / 30 + "mo " + days % 30 + "d";
        }
        return days + "d";
    }
}
