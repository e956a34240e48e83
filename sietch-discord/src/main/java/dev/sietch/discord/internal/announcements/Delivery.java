package dev.sietch.discord.internal.announcements;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.EligibilityChange;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.RankedWallet;
import dev.sietch.core.model.WalletAddress;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.Notifications;
import dev.sietch.core.port.Outbox;
import dev.sietch.core.port.RankingReader;
import dev.sietch.core.port.WalletLinks;
import dev.sietch.discord.DeliveryStats;
import dev.sietch.discord.internal.common.Posting;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the sync's outbox: for each change, first the direct message to the linked member it
 * concerns (respecting their preferences; a notice in the fallback channel when they do not accept
 * direct messages), then the #the-door post. Each step is recorded when done, and every message
 * carries a nonce derived from its outbox id with {@code enforce_nonce}, so a delivery repeated
 * after a crash between sending and recording is recognised by Discord and not shown twice. A
 * failed step leaves the row pending; it is retried with exponential backoff (30 s, doubling, at
 * most an hour apart).
 */
public final class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private static final int BATCH = 100;

    /** What a run did. */
    public record Result(int delivered, int failed) {}

    /** Where things are posted; the fallback channel is the lounge if set, else #the-door. */
    public record Channels(OptionalLong theDoor, OptionalLong fallback) {}

    private final Channels channels;
    private final Outbox outbox;
    private final WalletLinks links;
    private final Members members;
    private final Notifications notifications;
    private final RankingReader rankings;
    private final DeliveryStats stats;
    private final Clock clock;

    public Delivery(Channels channels, Outbox outbox, WalletLinks links, Members members, Notifications notifications,
            RankingReader rankings, DeliveryStats stats, Clock clock) {
        this.channels = channels;
        this.outbox = outbox;
        this.links = links;
        this.members = members;
        this.notifications = notifications;
        this.rankings = rankings;
        this.stats = stats;
        this.clock = clock;
    }

    /** Delivers the due rows (one run at a time). */
    public synchronized Result deliver(Guild guild) {
        Map<WalletAddress, String> recipients = null;
        int delivered = 0;
        int failed = 0;
        var due = outbox.due(clock.instant(), BATCH);
        for (Outbox.Message message : due) {
            try {
                if (message.directMessage().isEmpty()) {
                    if (recipients == null) {
                        recipients = recipients();
                    }
                    Outbox.DirectMessage outcome = directMessage(guild, message, recipients);
                    outbox.markDirectMessage(message.id(), outcome, clock.instant());
                }
                Optional<MessageEmbed> post = Messages.announcement(message.change());
                Optional<GuildMessageChannel> theDoor = post.isPresent()
                        ? Posting.channel(guild, channels.theDoor()) // a configured channel that is missing fails the row
                        : Optional.empty();
                if (theDoor.isPresent()) {
                    theDoor.get().sendMessageEmbeds(post.get()).setNonce(Posting.nonce("outbox", message.id())).complete();
                    stats.count(DeliveryStats.Kind.POST);
                }
                outbox.markDelivered(message.id(), clock.instant());
                delivered++;
            } catch (RuntimeException e) {
                failed++;
                stats.count(DeliveryStats.Kind.FAILURE);
                Instant now = clock.instant();
                outbox.markFailed(message.id(), now, e.getClass().getSimpleName() + ": " + e.getMessage(),
                        now.plus(Posting.backoff(message.attempts() + 1)));
                log.warn("Discord: announcement {} not delivered (attempt {}, next in {}): {}", message.id(),
                        message.attempts() + 1, Posting.backoff(message.attempts() + 1), e.toString());
            }
        }
        if (!due.isEmpty()) {
            log.info("Discord: {} announcement(s) delivered, {} failed", delivered, failed);
        }
        return new Result(delivered, failed);
    }

    private Map<WalletAddress, String> recipients() {
        var byWallet = new HashMap<WalletAddress, String>();
        links.all().forEach((account, wallet) -> byWallet.put(wallet, account.wire()));
        return byWallet;
    }

    private Outbox.DirectMessage directMessage(Guild guild, Outbox.Message message,
            Map<WalletAddress, String> recipients) {
        EligibilityChange change = message.change();
        Optional<MessageEmbed> embed = Messages.directMessage(change, rankings.find(change.wallet()));
        if (embed.isEmpty()) {
            return Outbox.DirectMessage.NOT_NEEDED;
        }
        String account = recipients.get(change.wallet());
        if (account == null || !inGuild(guild, account)) {
            return Outbox.DirectMessage.NO_RECIPIENT;
        }
        if (!wanted(account, change)) {
            return Outbox.DirectMessage.OPTED_OUT;
        }
        try {
            guild.getJDA().openPrivateChannelById(account)
                    .flatMap(dm -> dm.sendMessageEmbeds(embed.get()).setNonce(Posting.nonce("dm", message.id())))
                    .complete();
            stats.count(DeliveryStats.Kind.DIRECT_MESSAGE);
            return Outbox.DirectMessage.SENT;
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() != ErrorResponse.CANNOT_SEND_TO_USER) {
                throw e;
            }
        }
        Optional<GuildMessageChannel> fallback = Posting.channel(guild, channels.fallback());
        if (fallback.isEmpty()) {
            log.info("Discord: member {} does not accept direct messages and no fallback channel is set", account);
            return Outbox.DirectMessage.CLOSED;
        }
        fallback.get().sendMessage(Messages.fallback(account)).mentionUsers(account)
                .setNonce(Posting.nonce("fb", message.id())).complete();
        stats.count(DeliveryStats.Kind.FALLBACK);
        return Outbox.DirectMessage.FALLBACK;
    }

    private static boolean inGuild(Guild guild, String account) {
        try {
            guild.retrieveMemberById(account).complete();
            return true;
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MEMBER || e.getErrorResponse() == ErrorResponse.UNKNOWN_USER) {
                return false;
            }
            throw e;
        }
    }

    /** Removals follow the member's position-update switch; Naib changes their Naib-alert switch. */
    private boolean wanted(String account, EligibilityChange change) {
        Optional<MemberId> memberId = members.byDiscordId(DiscordUserId.of(account)).map(p -> p.memberId());
        if (memberId.isEmpty()) {
            return true; // no profile, so no preferences yet: the defaults, which send everything
        }
        Notifications.Preferences preferences = notifications.preferences(memberId.get(), clock.instant());
        return switch (change) {
            case EligibilityChange.Removed r -> preferences.positionUpdates();
            case EligibilityChange.Promoted p -> preferences.naibAlerts();
            case EligibilityChange.Demoted d -> preferences.naibAlerts();
            case EligibilityChange.Added a -> false;
        };
    }
}
