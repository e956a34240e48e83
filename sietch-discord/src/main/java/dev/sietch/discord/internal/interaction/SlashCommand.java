package dev.sietch.discord.internal.interaction;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** One slash command: its registration data and its handler (one class per command). */
public interface SlashCommand {

    /** What is registered with Discord; its name routes interactions here. */
    SlashCommandData data();

    /**
     * Answers the interaction within Discord's 3 s: directly when the answer is quick (a memory or
     * single-row read), else defer first. A thrown exception is answered by the registry with a
     * generic ephemeral message.
     */
    void handle(SlashCommandInteractionEvent event);

    /** Suggestions for the focused option (at most 25); by default none. */
    default java.util.List<net.dv8tion.jda.api.interactions.commands.Command.Choice> autocomplete(
            net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent event) {
        return java.util.List.of();
    }
}
