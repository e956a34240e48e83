package dev.sietch.discord.internal.command;

import dev.sietch.core.model.Wei;
import dev.sietch.core.usecase.ReadCommunity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /position}: the caller's own rank, BGT held and distances, privately (ephemeral), so no
 * one else learns which wallet is theirs.
 */
public final class PositionCommand implements SlashCommand {

    private final ReadCommunity community;

    public PositionCommand(ReadCommunity community) {
        this.community = community;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("position", "Your rank, BGT held and distance to the ranks around you (only you see it)");
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        String answer = switch (community.position(event.getUser().getId(), false)) {
            case ReadCommunity.NoProfile none -> "You have no Sietch profile yet.";
            case ReadCommunity.NoWallet none -> "No wallet is linked to your account. Link one with /verify.";
            case ReadCommunity.NotRanked none -> "Your linked wallet is not in the rankings: it has no BGT claims, or it burned BGT.";
            case ReadCommunity.Found found -> describe(found.position());
        };
        event.reply(answer).setEphemeral(true).queue();
    }

    static String describe(ReadCommunity.Position p) {
        var text = new StringBuilder("You are **#").append(p.position()).append("** with **").append(bgt(p.held()))
                .append(" BGT**.");
        p.toAbove().ifPresent(gap -> text.append("\n• ").append(bgt(gap)).append(" BGT behind #").append(p.position() - 1));
        p.toBelow().ifPresent(gap -> text.append("\n• ").append(bgt(gap)).append(" BGT ahead of #").append(p.position() + 1));
        p.toEntry().ifPresent(gap -> text.append("\n• ").append(bgt(gap)).append(" BGT short of the entry threshold"));
        if (p.naib()) {
            text.append("\nYou hold a Naib seat.");
        } else if (p.atRisk()) {
            text.append("\nYou are at risk: ranks 63–69 are the last Fedaykin places.");
        } else if (p.fedaykin()) {
            text.append("\nYou are Fedaykin.");
        }
        return text.toString();
    }

    /** Exact BGT, trailing zeros dropped, at most 6 decimals shown (rounded down, never up). */
    public static String bgt(Wei wei) {
        BigDecimal value = wei.toBgt().setScale(6, RoundingMode.DOWN).stripTrailingZeros();
        return (value.scale() < 0 ? value.setScale(0) : value).toPlainString();
    }
}
