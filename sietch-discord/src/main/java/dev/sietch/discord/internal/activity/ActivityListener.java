package dev.sietch.discord.internal.activity;

import dev.sietch.core.model.Activity;
import dev.sietch.core.model.BadgeRules;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.DynamicRole;
import dev.sietch.core.port.ActivityLedger;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activity points from the guild: a message by an onboarded member, a reaction
 * an onboarded member adds, and — to the message's author, when it is someone else — the reaction
 * received. Bots, webhooks, DMs and other guilds do not count. The author of a reacted-to message
 * comes from the gateway event itself, so reactions to messages older than the bot's cache count
 * too (the cache would miss them). Points are recorded off the gateway thread, one
 * at a time, and an engagement badge is awarded when an event takes the balance over its threshold.
 */
public final class ActivityListener extends ListenerAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivityListener.class);

    private final long guildId;
    private final ActivityLedger ledger;
    private final Activity.Settings settings;
    private final Clock clock;
    private final java.util.function.Consumer<DiscordUserId> standingChanged;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("sietch-activity").factory());

    /**
     * @param standingChanged called with the Discord id of a member whose event earned a badge or
     *     took the balance over the Engaged threshold (their roles follow)
     */
    public ActivityListener(long guildId, ActivityLedger ledger, Activity.Settings settings, Clock clock,
            java.util.function.Consumer<DiscordUserId> standingChanged) {
        this.guildId = guildId;
        this.standingChanged = standingChanged;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromGuild() || event.getGuild().getIdLong() != guildId || event.getAuthor().isBot()
                || event.isWebhookMessage() || event.getAuthor().isSystem()) {
            return;
        }
        DiscordUserId author = new DiscordUserId(event.getAuthor().getIdLong());
        writer.execute(() -> record(author, Activity.Kind.MESSAGE));
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        Member reactor = event.getMember();
        if (!event.isFromGuild() || event.getGuild().getIdLong() != guildId || reactor == null
                || reactor.getUser().isBot()) {
            return;
        }
        DiscordUserId reactorId = new DiscordUserId(reactor.getIdLong());
        long authorId = event.getMessageAuthorIdLong();
        writer.execute(() -> {
            record(reactorId, Activity.Kind.REACTION_GIVEN);
            // credited even when the giver's reaction was inside its cooldown, as before
            if (authorId != 0 && authorId != reactor.getIdLong()) {
                record(new DiscordUserId(authorId), Activity.Kind.REACTION_RECEIVED);
            }
        });
    }

    private void record(DiscordUserId discordUserId, Activity.Kind kind) {
        try {
            ledger.record(discordUserId, kind, clock.instant(), settings).ifPresent(activity -> {
                // only a threshold crossed by this event is worth a write; the daily badge check covers the rest
                double before = activity.balance() - settings.points(kind);
                var badges = BadgeRules.forActivity(activity.balance());
                badges.removeAll(BadgeRules.forActivity(before));
                boolean awarded = !badges.isEmpty() && award(discordUserId, badges);
                boolean engaged = before < DynamicRole.ENGAGED_BALANCE && activity.balance() >= DynamicRole.ENGAGED_BALANCE;
                if (awarded || engaged) {
                    standingChanged.accept(discordUserId);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Discord: activity of {} not recorded: {}", discordUserId, e.toString());
        }
    }

    /** @return whether a badge was newly awarded */
    private boolean award(DiscordUserId discordUserId, java.util.Set<dev.sietch.core.model.Badge> badges) {
        return ledger.memberId(discordUserId).map(memberId -> {
            var awarded = ledger.awardAutomatic(memberId, badges, clock.instant());
            if (!awarded.isEmpty()) {
                log.info("Discord: member {} earned {}", memberId, awarded);
            }
            return !awarded.isEmpty();
        }).orElse(false);
    }

    /** Waits (briefly) for the points already received to be recorded. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.shutdownNow();
        }
    }
}
