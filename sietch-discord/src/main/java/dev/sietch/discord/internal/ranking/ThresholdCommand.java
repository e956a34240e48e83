package dev.sietch.discord.internal.ranking;

import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.Threshold;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.Waitlist;
import dev.sietch.core.usecase.ReadCommunity;
import dev.sietch.discord.internal.interaction.SlashCommand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /threshold}: the entry threshold (BGT at the last member rank), the
 * gap from the first waiting position, and the top of the waiting pool with truncated wallets
 * (public chain data, never next to a nym). For anyone; public.
 */
public final class ThresholdCommand implements SlashCommand {

    static final int BROWN = 0x8B4513;

    private final ReadCommunity community;
    private final Waitlist waitlist;
    private final Clock clock;

    public ThresholdCommand(ReadCommunity community, Waitlist waitlist, Clock clock) {
        this.community = community;
        this.waitlist = waitlist;
        this.clock = clock;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("threshold", "View the entry requirements for joining the Sietch");
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        Threshold threshold = community.threshold();
        Wei entry = threshold.entry().orElse(Wei.ZERO);
        var embed = new EmbedBuilder().setTitle("\u26E9\uFE0F The Threshold").setColor(BROWN).setTimestamp(clock.instant())
                .setDescription("The entry requirements for joining the Sietch. Those who hold enough BGT pass "
                        + "through and join the Fedaykin.")
                .addField("\uD83D\uDEAA Entry Requirement", "**" + bgt(entry) + " BGT**\nPosition #69 threshold", true)
                .addField("\uD83D\uDCCA Statistics", "Eligible: **" + threshold.eligibleCount() + "** members\nWaiting: **"
                        + threshold.waitlistCount() + "** positions", true)
                .setFooter("\uD83D\uDCEC = Registered for alerts • Use /register-waitlist to sign up");
        threshold.gapToEntry().filter(gap -> !gap.isZero()).ifPresent(gap ->
                embed.addField("\uD83D\uDCCF Gap to Entry", "**" + bgt(gap) + " BGT**\nDistance from #70 to entry", true));
        List<RankedWallet> top = threshold.waitlist().stream().limit(5).toList();
        if (top.isEmpty()) {
            embed.addField("\u23F3 Waiting Pool", "No wallets currently in positions 70-100", false);
        } else {
            Set<dev.sietch.core.model.WalletAddress> registered =
                    waitlist.registered(top.stream().map(RankedWallet::wallet).toList());
            var lines = new StringBuilder();
            for (RankedWallet w : top) {
                lines.append("**#").append(w.rank()).append("** `").append(w.wallet().truncated()).append('`')
                        .append(registered.contains(w.wallet()) ? " \uD83D\uDCEC" : "").append("\n└ ")
                        .append(bgt(w.held())).append(" BGT • +").append(bgt(entry.minusOrZero(w.held())))
                        .append(" to entry\n");
            }
            embed.addField("\u23F3 Waiting Pool (Top 5)", lines.toString().strip(), false);
        }
        event.replyEmbeds(embed.build()).queue();
    }

    /** ≥ 1000: grouped, at most 2 decimals; ≥ 1: at most 4; below 1: 6 (rounded down, never overstated). */
    static String bgt(Wei wei) {
        BigDecimal value = wei.toBgt();
        if (value.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            var format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US));
            format.setRoundingMode(RoundingMode.DOWN);
            return format.format(value);
        }
        if (value.compareTo(BigDecimal.ONE) >= 0) {
            BigDecimal cut = value.setScale(4, RoundingMode.DOWN).stripTrailingZeros();
            return (cut.scale() < 0 ? cut.setScale(0) : cut).toPlainString();
        }
        return value.setScale(6, RoundingMode.DOWN).toPlainString();
    }
}
