package dev.sietch.discord.internal;

import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.Outbox;
import java.time.Clock;
import java.util.OptionalInt;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the sync's announcements (the outbox) to #the-door. Each message carries a nonce derived
 * from its outbox id with {@code enforce_nonce}, so a post repeated after a crash between posting
 * and marking it delivered is recognised by Discord as the same message and not posted twice; a
 * row is marked delivered only after Discord accepted it. A failed post stays pending and is tried
 * again on the next delivery run (after the next sync, or the bot's next start).
 */
public final class Announcer {

    private static final Logger log = LoggerFactory.getLogger(Announcer.class);

    static final int RED = 0xE74C3C;
    static final int PURPLE = 0x9B59B6;
    static final int GOLD = 0xF5A623;
    static final int GREEN = 0x2ECC71;
    private static final int BATCH = 100;

    /** What a run did. */
    public record Result(int delivered, int failed) {}

    private final long channelId;
    private final Outbox outbox;
    private final Clock clock;

    public Announcer(long channelId, Outbox outbox, Clock clock) {
        this.channelId = channelId;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Result deliver(Guild guild) {
        TextChannel channel = guild.getTextChannelById(channelId);
        if (channel == null) {
            throw new IllegalStateException("the announcement channel " + channelId + " is not a text channel of the guild");
        }
        int delivered = 0;
        int failed = 0;
        var pending = outbox.pending(BATCH);
        for (Outbox.Message message : pending) {
            try {
                channel.sendMessageEmbeds(embed(message.change())).setNonce(nonce(message)).complete();
                outbox.markDelivered(message.id(), clock.instant());
                delivered++;
            } catch (RuntimeException e) {
                failed++;
                outbox.markFailed(message.id(), clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage());
                log.warn("Discord: announcement {} not posted (attempt {}): {}", message.id(), message.attempts() + 1,
                        e.toString());
            }
        }
        if (!pending.isEmpty()) {
            log.info("Discord: {} announcement(s) posted, {} failed", delivered, failed);
        }
        return new Result(delivered, failed);
    }

    /** Discord's nonce: at most 25 characters, the same for every attempt of one outbox row. */
    static String nonce(Outbox.Message message) {
        return "sietch-outbox-" + message.id();
    }

    static MessageEmbed embed(EligibilityChange change) {
        return switch (change) {
            case EligibilityChange.Added a -> new EmbedBuilder().setTitle("New Eligible Member").setColor(GREEN)
                    .addField("Wallet", "`" + truncate(a.wallet()) + "`", true)
                    .addField("Rank", "#" + a.rank(), true)
                    .addField("Role", roleName(a.role()), true)
                    .setFooter("Welcome to Sietch!").build();
            case EligibilityChange.Removed r -> new EmbedBuilder().setTitle("Departure").setColor(RED)
                    .addField("Wallet", "`" + truncate(r.wallet()) + "`", true)
                    .addField("Reason", reason(r), true)
                    .addField("Previous Role", roleName(r.previousRole()), true).build();
            case EligibilityChange.Promoted p -> new EmbedBuilder().setTitle("New Naib Council Member").setColor(GOLD)
                    .addField("Wallet", "`" + truncate(p.wallet()) + "`", true)
                    .addField("Rank", "#" + p.rank(), true).build();
            case EligibilityChange.Demoted d -> new EmbedBuilder().setTitle("Naib Council Change").setColor(PURPLE)
                    .addField("Wallet", "`" + truncate(d.wallet()) + "`", true)
                    .addField("Change", "Naib to " + roleName(d.role()), true)
                    .addField("New Rank", rank(d.rank()), true).build();
        };
    }

    private static String reason(EligibilityChange.Removed removed) {
        return switch (removed.reason()) {
            case RANK_CHANGE -> "Rank change (now below #69)";
            case REDEMPTION -> "Burned BGT";
            case EXCLUDED -> "Removed by an administrator";
            case NO_HOLDINGS -> "No BGT held";
        };
    }

    private static String rank(OptionalInt rank) {
        return rank.isPresent() ? "#" + rank.getAsInt() : "Not ranked";
    }

    static String roleName(Role role) {
        return switch (role) {
            case NAIB -> "Naib";
            case FEDAYKIN -> "Fedaykin";
            case NONE -> "None";
        };
    }

    /** {@code 0x1234...abcd}: the first 6 and last 4 characters. */
    static String truncate(WalletAddress wallet) {
        String text = wallet.value();
        return text.substring(0, 6) + "..." + text.substring(text.length() - 4);
    }
}
