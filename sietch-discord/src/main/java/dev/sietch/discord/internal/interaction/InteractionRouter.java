package dev.sietch.discord.internal.interaction;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one listener for interactions. Slash commands, option suggestions, buttons, menus and modals
 * go to their handler in the {@link CommandRegistry}, which runs on a virtual thread of its own:
 * never on JDA's event thread, which a store read would hold up. While a handler runs, the log
 * context carries the interaction id and what was invoked ({@value #INTERACTION}, {@value #COMMAND}),
 * and each run is counted by outcome and timed. A failure is logged with the interaction id and
 * answered with a short private message, never left to Discord's "This interaction failed".
 */
public final class InteractionRouter extends ListenerAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InteractionRouter.class);

    /** The log context's keys. */
    public static final String INTERACTION = "interaction";
    public static final String COMMAND = "command";

    /** How long closing waits for the handlers still running (a deferred answer must still be sent). */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final CommandRegistry registry;
    private final CommandMetrics metrics;
    private final ExecutorService handlers =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sietch-interaction-", 0).factory());

    public InteractionRouter(CommandRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        this.metrics = new CommandMetrics(meters);
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Optional<SlashCommand> command = registry.command(event.getName());
        answer(event, command.isPresent() ? event.getName() : "unknown", () -> {
            if (command.isEmpty()) {
                event.reply(CommandRegistry.UNKNOWN).setEphemeral(true).queue();
                return CommandMetrics.UNKNOWN;
            }
            command.get().handle(event);
            return CommandMetrics.OK;
        });
    }

    /** Buttons and select menus. */
    @Override
    public void onGenericComponentInteractionCreate(GenericComponentInteractionCreateEvent event) {
        byFeature(event, event.getComponentId(), "component", (handler, id) -> handler.handle(id, event));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        byFeature(event, event.getModalId(), "modal", (handler, id) -> handler.handle(id, event));
    }

    /** Routed by the id's feature; an unknown or stale id gets a clear private answer. */
    private void byFeature(IReplyCallback event, String customId, String kind,
            BiConsumer<ComponentHandler, ComponentId> handle) {
        Optional<ComponentId> id = ComponentId.parse(customId);
        Optional<ComponentHandler> handler = id.flatMap(i -> registry.handler(i.feature()));
        answer(event, handler.map(ComponentHandler::feature).orElse("unknown") + "." + kind, () -> {
            if (handler.isEmpty()) {
                event.reply(CommandRegistry.EXPIRED).setEphemeral(true).queue();
                return CommandMetrics.EXPIRED;
            }
            handle.accept(handler.get(), id.orElseThrow());
            return CommandMetrics.OK;
        });
    }

    /** Option suggestions; an unknown command or a failure answers with none. */
    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        Optional<SlashCommand> command = registry.command(event.getName());
        offThread(event, command.isPresent() ? event.getName() : "unknown", () -> {
            List<Command.Choice> choices;
            try {
                choices = command.map(c -> c.autocomplete(event)).orElse(List.of());
            } catch (RuntimeException e) {
                log.warn("Discord: suggestions for /{} failed: {}", event.getName(), e.toString());
                choices = List.of();
            }
            event.replyChoices(choices.size() > 25 ? choices.subList(0, 25) : choices).queue();
        });
    }

    /** Runs a command, component or modal handler off the event thread: counted, timed, a failure answered. */
    private void answer(IReplyCallback event, String command, Supplier<String> handler) {
        offThread(event, command, () -> {
            long started = System.nanoTime();
            String outcome;
            try {
                outcome = handler.get();
            } catch (RuntimeException e) {
                log.error("Discord: interaction {} ({}) failed", event.getId(), command, e);
                outcome = CommandMetrics.ERROR;
                if (!event.isAcknowledged()) {
                    event.reply(CommandRegistry.FAILED).setEphemeral(true).queue();
                } else {
                    event.getHook().sendMessage(CommandRegistry.FAILED).setEphemeral(true).queue();
                }
            }
            metrics.record(command, outcome, System.nanoTime() - started);
        });
    }

    private void offThread(Interaction interaction, String command, Runnable work) {
        try {
            handlers.execute(() -> {
                try (var interactionContext = MDC.putCloseable(INTERACTION, interaction.getId());
                        var commandContext = MDC.putCloseable(COMMAND, command)) {
                    log.debug("Discord: interaction {} ({}) from {} in {}", interaction.getId(), command,
                            interaction.getUser().getId(),
                            Optional.ofNullable(interaction.getGuild()).map(Guild::getId).orElse("a direct message"));
                    work.run();
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Discord: interaction {} ({}) arrived while the bot stops; not answered", interaction.getId(), command);
        }
    }

    /** Waits briefly for the handlers still running, so their answers are sent. */
    @Override
    public void close() {
        handlers.shutdown();
        try {
            if (!handlers.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                handlers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handlers.shutdownNow();
        }
    }
}
