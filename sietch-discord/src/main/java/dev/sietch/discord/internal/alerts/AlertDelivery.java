package dev.sietch.discord.internal.alerts;

import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.QueuedAlert;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.Notifications;
import dev.sietch.discord.DeliveryStats;
import dev.sietch.discord.internal.common.Amounts;
import dev.sietch.discord.internal.common.Colours;
import dev.sietch.discord.internal.common.Posting;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the queued alerts (alert_history rows not delivered yet) by DM, each exactly
 * once. A row is marked delivered only after Discord accepted the message, which carries a
 * nonce of its own so an attempt repeated after a crash is not shown twice; a failure is retried
 * with the announcements' backoff, and given up (with the reason) when the recipient takes no DMs,
 * has left or has no profile any more, or after {@link #MAX_ATTEMPTS}.
 */
public final class AlertDelivery {

    private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);

    static final int MAX_ATTEMPTS = 10;
    static final int BATCH = 50;

    private final Notifications notifications;
    private final Members members;
    private final DeliveryStats stats;
    private final Clock clock;

    public AlertDelivery(Notifications notifications, Members members, DeliveryStats stats, Clock clock) {
        this.notifications = notifications;
        this.members = members;
        this.stats = stats;
        this.clock = clock;
    }

    /** Delivers the due alerts (one run at a time); returns how many were delivered. */
    public synchronized int deliver(Guild guild) {
        int delivered = 0;
        for (Notifications.Pending alert : notifications.due(clock.instant(), BATCH)) {
            Optional<DiscordUserId> account = switch (alert.recipient()) {
                case QueuedAlert.ToMember member -> members.byId(member.memberId()).map(MemberProfile::discordUserId);
                case QueuedAlert.ToWaitlisted waitlisted -> Optional.of(waitlisted.discordUserId());
            };
            if (account.isEmpty()) {
                notifications.markFailed(alert.id(), "The member has no profile any more", Optional.empty(), clock.instant());
                continue;
            }
            try {
                guild.getJDA().openPrivateChannelById(account.get().value())
                        .flatMap(dm -> dm.sendMessageEmbeds(embed(alert)).setNonce(Posting.nonce("alert", alert.id())))
                        .complete();
                notifications.markDelivered(alert.id(), clock.instant());
                stats.count(DeliveryStats.Kind.DIRECT_MESSAGE);
                delivered++;
            } catch (ErrorResponseException e) {
                boolean hopeless = e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER
                        || e.getErrorResponse() == ErrorResponse.UNKNOWN_USER;
                failed(alert, hopeless ? "The recipient does not accept direct messages" : e.getMeaning(), hopeless);
            } catch (RuntimeException e) {
                failed(alert, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
            }
        }
        return delivered;
    }

    private void failed(Notifications.Pending alert, String error, boolean hopeless) {
        stats.count(DeliveryStats.Kind.FAILURE);
        Instant now = clock.instant();
        int attempts = alert.attempts() + 1;
        Optional<Instant> retry = hopeless || attempts >= MAX_ATTEMPTS
                ? Optional.empty() : Optional.of(now.plus(Posting.backoff(attempts)));
        notifications.markFailed(alert.id(), error, retry, now);
        log.warn("Discord: alert {} ({}) not delivered (attempt {}{}): {}", alert.id(), alert.type(), attempts,
                retry.isPresent() ? ", retried later" : ", given up", error);
    }

    /** Exact BGT from a wei string, as /position shows it. */
    static String bgt(String wei) {
        return Amounts.exact(dev.sietch.core.model.Wei.parse(wei));
    }

    /** The DM for an alert; its data is what the queueing side recorded. */
    static MessageEmbed embed(Notifications.Pending alert) {
        DataObject data = DataObject.fromJson(alert.dataJson());
        return switch (alert.type()) {
            case "naib_seated" -> new EmbedBuilder().setTitle("\uD83D\uDC51 You have a seat on the Naib Council")
                    .setColor(Colours.GOLD)
                    .setDescription(data.getString("reason", "").equals("bump")
                            ? "You took Naib seat " + data.getInt("seatNumber", 0) + " from a member holding less BGT. "
                                    + "Hold your BGT to keep it: a member with more can take it in turn."
                            : "You took the free Naib seat " + data.getInt("seatNumber", 0) + ".")
                    .setFooter("Seats are defended by BGT held • /naib shows the council").build();
            case "naib_bump" -> new EmbedBuilder().setTitle("You lost your Naib seat").setColor(Colours.RED)
                    .setDescription("A member holding more BGT took Naib seat " + data.getInt("seatNumber", 0)
                            + ". You stay a member, and you will be seated again when you hold more BGT than "
                            + "the weakest seat or a seat is free.")
                    .setFooter("/position shows where you stand").build();
            case "waitlist_eligible" -> new EmbedBuilder().setTitle("\uD83C\uDF89 You can join the Sietch")
                    .setColor(Colours.GREEN)
                    .setDescription("The wallet you registered for the waitlist (`" + data.getString("wallet", "")
                            + "`) is now at position #" + data.getInt("position", 0) + ", inside the member ranks. Link it "
                            + "with /verify in the server to join.")
                    .setFooter("This is the only waitlist alert you will get for this registration").build();
            case "naib_threat" -> new EmbedBuilder().setTitle("\uD83D\uDEA8 Naib Seat Threat").setColor(0xDC143C)
                    .setDescription("A member without a seat holds " + bgt(data.getString("challengerBgt", "0"))
                            + " BGT, within " + (100 - dev.sietch.core.model.AlertRules.THREAT_PERCENT) + " % of your "
                            + bgt(data.getString("bgt", "0")) + " BGT on seat " + data.getInt("seatNumber", 0)
                            + ". You keep the seat while you hold more (" + bgt(data.getString("margin", "0"))
                            + " BGT ahead now).")
                    .setFooter("/alerts can switch Naib alerts off").build();
            case "position_update" -> new EmbedBuilder().setTitle("\uD83D\uDCCA Your position: #" + data.getInt("position", 0))
                    .setColor(Colours.PURPLE)
                    .setDescription("You hold **" + bgt(data.getString("bgt", "0")) + " BGT**."
                            + data.opt("distanceToAbove").map(d -> "\n" + bgt(d.toString()) + " BGT more would pass the member above you.").orElse("")
                            + data.opt("distanceToBelow").map(d -> "\nYou are " + bgt(d.toString()) + " BGT ahead of the member below.").orElse(""))
                    .setFooter("/alerts sets how often these come • your position is private").build();
            case "at_risk_warning" -> new EmbedBuilder().setTitle("\u26A0\uFE0F You are at risk of losing your place")
                    .setColor(Colours.RED)
                    .setDescription("You are at position #" + data.getInt("position", 0) + ", among the last "
                            + data.getInt("positionsAtRisk", 0) + " member positions."
                            + data.opt("distanceToBelow").map(d -> " The member below you holds " + bgt(d.toString())
                                    + " BGT less.").orElse("")
                            + " Burning or redeeming BGT, or a wallet passing you, would take you out of the Sietch.")
                    .setFooter("/alerts sets how often these come").build();
            default -> new EmbedBuilder().setTitle("Sietch alert").setColor(Colours.PURPLE)
                    .setDescription("Something changed for you in Sietch: use /position to see where you stand.").build();
        };
    }
}
