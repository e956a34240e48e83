package dev.sietch.discord.internal.onboarding;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.usecase.LinkWallet;
import dev.sietch.discord.internal.interaction.SlashCommand;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /verify}: a private, one-time link to the page where the member's wallet signs a message
 * proving they hold it, so the link between account and wallet is proven, not claimed.
 */
public final class VerifyCommand implements SlashCommand {

    private final LinkWallet linking;

    public VerifyCommand(LinkWallet linking) {
        this.linking = linking;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("verify", "Link your wallet to your Discord account by signing a message (only you see the link)");
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        LinkWallet.Started started = linking.start(new DiscordUserId(event.getUser().getIdLong()));
        event.reply("Open this link and sign the message with the wallet you hold BGT in. It is yours alone, works "
                        + "once and expires <t:" + started.expiresAt().getEpochSecond() + ":R>. Signing costs nothing "
                        + "and grants no spending rights.\n" + started.page())
                .setEphemeral(true).queue();
    }
}
