package dev.sietch.discord.internal.ranking;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.usecase.ReadCommunity;
import dev.sietch.discord.internal.common.Amounts;
import dev.sietch.discord.internal.interaction.SlashCommand;
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
        String answer = switch (community.position(new DiscordUserId(event.getUser().getIdLong()), false)) {
            case ReadCommunity.NoProfile none -> "You have no Sietch profile yet.";
            case ReadCommunity.NoWallet none -> "No wallet is linked to your account. Link one with /verify.";
            case ReadCommunity.NotRanked none -> "Your linked wallet is not in the rankings: it has no BGT claims, or it burned BGT.";
            case ReadCommunity.Found found -> describe(found.position());
        };
        event.reply(answer).setEphemeral(true).queue();
    }

    static String describe(ReadCommunity.Position p) {
        var text = new StringBuilder("You are **#").append(p.position()).append("** with **").append(Amounts.exact(p.held()))
                .append(" BGT**.");
        p.toAbove().ifPresent(gap -> text.append("\n• ").append(Amounts.exact(gap)).append(" BGT behind #").append(p.position() - 1));
        p.toBelow().ifPresent(gap -> text.append("\n• ").append(Amounts.exact(gap)).append(" BGT ahead of #").append(p.position() + 1));
        p.toEntry().ifPresent(gap -> text.append("\n• ").append(Amounts.exact(gap)).append(" BGT short of the entry threshold"));
        if (p.naib()) {
            text.append("\nYou hold a Naib seat.");
        } else if (p.atRisk()) {
            text.append("\nYou are at risk: ranks 63–69 are the last Fedaykin places.");
        } else if (p.fedaykin()) {
            text.append("\nYou are Fedaykin.");
        }
        return text.toString();
    }
}
