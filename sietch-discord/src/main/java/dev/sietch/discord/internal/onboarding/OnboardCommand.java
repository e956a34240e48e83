package dev.sietch.discord.internal.onboarding;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.discord.internal.interaction.SlashCommand;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /onboard}: starts (or restarts) the profile wizard in direct messages, for a member who
 * missed or closed the one sent after {@code /verify}.
 */
public final class OnboardCommand implements SlashCommand {

    private final OnboardingFlow flow;

    public OnboardCommand(OnboardingFlow flow) {
        this.flow = flow;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("onboard", "Set up your Sietch profile (in direct messages)");
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        event.deferReply(true).queue(); // a DM round trip may take longer than Discord's 3 s
        String answer;
        try {
            Optional<String> refused = flow.startByDirectMessage(event.getJDA(), new DiscordUserId(event.getUser().getIdLong()));
            answer = refused.orElse("Check your DMs! I've sent you the first step.");
        } catch (ErrorResponseException e) {
            answer = "I couldn't send you a DM. Please enable DMs from server members and try again.";
        }
        event.getHook().sendMessage(answer).setEphemeral(true).queue();
    }
}
