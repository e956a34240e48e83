package dev.sietch.discord.internal.interaction;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;

/**
 * Answers the buttons, select menus and modals of one feature (the first part of their
 * {@link ComponentId}). Like a command, it answers within Discord's 3 s or defers first.
 */
public interface ComponentHandler {

    /** The feature whose components this handles. */
    String feature();

    void handle(ComponentId id, GenericComponentInteractionCreateEvent event);

    /** Modals of the feature; by default there are none. */
    default void handle(ComponentId id, ModalInteractionEvent event) {
        event.reply(CommandRegistry.EXPIRED).setEphemeral(true).queue();
    }
}
