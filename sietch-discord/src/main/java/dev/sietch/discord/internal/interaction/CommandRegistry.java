package dev.sietch.discord.internal.interaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Guild;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's slash commands: registers them in the guild only when they differ from what Discord
 * already has (the predecessor overwrote all of them on every start), and routes each interaction
 * to its command. Every failure is answered with a short ephemeral message, never a stack trace.
 */
public final class CommandRegistry extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(CommandRegistry.class);

    static final String UNKNOWN = "This command is not available.";
    public static final String FAILED = "Something went wrong on our side; please try again in a minute.";
    public static final String EXPIRED = "This button is no longer available. Run the command again.";

    private final Map<String, SlashCommand> commands = new LinkedHashMap<>();
    private final Map<String, ComponentHandler> components = new LinkedHashMap<>();

    public CommandRegistry(List<SlashCommand> commands) {
        this(commands, List.of());
    }

    public CommandRegistry(List<SlashCommand> commands, List<ComponentHandler> components) {
        for (SlashCommand command : commands) {
            if (this.commands.put(command.data().getName(), command) != null) {
                throw new IllegalArgumentException("two commands named " + command.data().getName());
            }
        }
        for (ComponentHandler handler : components) {
            if (this.components.put(handler.feature(), handler) != null) {
                throw new IllegalArgumentException("two component handlers for " + handler.feature());
            }
        }
    }

    /** @return whether the guild's commands had to be written */
    public boolean register(Guild guild) {
        List<Command> existing = guild.retrieveCommands(true).complete();
        Set<String> have = existing.stream().map(c -> normalised(CommandData.fromCommand(c).toData()))
                .collect(Collectors.toSet());
        Set<String> want = commands.values().stream().map(c -> normalised(c.data().toData())).collect(Collectors.toSet());
        if (have.equals(want)) {
            log.info("Discord: {} guild commands already registered", want.size());
            return false;
        }
        guild.updateCommands().addCommands(commands.values().stream().map(SlashCommand::data).toList()).complete();
        log.info("Discord: registered {} guild commands", want.size());
        return true;
    }

    /** The fields that define a command, in a canonical order (Discord adds ids, versions and defaults). */
    private static String normalised(DataObject data) {
        Map<String, Object> fields = new java.util.TreeMap<>(data.toMap());
        for (String added : List.of("id", "application_id", "guild_id", "version")) {
            fields.remove(added);
        }
        return canonical(fields);
    }

    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new java.util.TreeMap<>(map).entrySet().stream()
                    .map(e -> e.getKey() + "=" + canonical(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CommandRegistry::canonical).collect(Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(value);
    }

    /** Buttons and select menus: routed by feature; an unknown or stale one gets a clear private answer. */
    @Override
    public void onGenericComponentInteractionCreate(GenericComponentInteractionCreateEvent event) {
        Optional<ComponentId> id = ComponentId.parse(event.getComponentId());
        ComponentHandler handler = id.map(i -> components.get(i.feature())).orElse(null);
        if (handler == null) {
            event.reply(EXPIRED).setEphemeral(true).queue();
            return;
        }
        answer(event, "component " + event.getComponentId(), () -> handler.handle(id.get(), event));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Optional<ComponentId> id = ComponentId.parse(event.getModalId());
        ComponentHandler handler = id.map(i -> components.get(i.feature())).orElse(null);
        if (handler == null) {
            event.reply(EXPIRED).setEphemeral(true).queue();
            return;
        }
        answer(event, "modal " + event.getModalId(), () -> handler.handle(id.get(), event));
    }

    private static void answer(IReplyCallback event, String what, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            log.error("Discord: {} failed", what, e);
            if (!event.isAcknowledged()) {
                event.reply(FAILED).setEphemeral(true).queue();
            } else {
                event.getHook().sendMessage(FAILED).setEphemeral(true).queue();
            }
        }
    }

    /** Option suggestions; an unknown command or a failure answers with none. */
    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        java.util.List<net.dv8tion.jda.api.interactions.commands.Command.Choice> choices;
        try {
            choices = command == null ? java.util.List.of() : command.autocomplete(event);
        } catch (RuntimeException e) {
            log.warn("Discord: suggestions for /{} failed: {}", event.getName(), e.toString());
            choices = java.util.List.of();
        }
        event.replyChoices(choices.size() > 25 ? choices.subList(0, 25) : choices).queue();
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        if (command == null) {
            event.reply(UNKNOWN).setEphemeral(true).queue();
            return;
        }
        answer(event, "command /" + event.getName(), () -> command.handle(event));
    }
}
