package dev.sietch.discord.archfixture;

import dev.sietch.discord.internal.interaction.SlashCommand;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** Violates: a slash command lives in its feature's package under dev.sietch.discord.internal. */
public final class StrayCommand implements SlashCommand {
    @Override
    public SlashCommandData data() {
        return Commands.slash("stray", "Belongs to no feature");
    }

    @Override
    public void handle(SlashCommandInteractionEvent event) {
        event.reply("lost").queue();
    }
}
