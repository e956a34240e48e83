package dev.sietch.discord.internal.interaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's slash commands and component handlers, by name: registers the commands in the guild
 * only when they differ from what Discord already has (a needless rewrite on every start costs a
 * rate-limited call); {@link InteractionRouter} looks up who answers an interaction here. The texts are
 * the answers every feature shares for what it cannot handle.
 */
public final class CommandRegistry {

    private static final Logger log = LoggerFactory.getLogger(CommandRegistry.class);

    static final String UNKNOWN = "This command is not available.";
    public static final String FAILED = "Something went wrong on our side; please try again in a minute.";
    public static final String EXPIRED = "This button is no longer available. Run the command again.";

    private final Map<String, SlashCommand> commands = new LinkedHashMap<>();
    private final Map<String, ComponentHandler> components = new LinkedHashMap<>();

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

    /** The command registered under {@code name}, if any. */
    Optional<SlashCommand> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** The handler of the components whose ids start with {@code feature}, if any. */
    Optional<ComponentHandler> handler(String feature) {
        return Optional.ofNullable(components.get(feature));
    }
}
