package dev.sietch.core.usecase;

import dev.sietch.core.model.AlertType;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.QueuedAlert;
import dev.sietch.core.port.MemberLookup;
import dev.sietch.core.port.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator sends a member a fixed position update, subject to the member's preferences and
 * weekly cap like any non-critical alert. It is recorded as not delivered with
 * {@link #NOT_CONNECTED}: the request cannot tell whether this instance runs the bot.
 */
public final class SendTestAlert {

    /** Why a recorded test alert is not delivered. */
    public static final String NOT_CONNECTED = "Discord is not connected";

    /** The fixed alert data: display amounts, marked as a test. */
    static final String DATA = "{\"position\":42,\"bgt\":1234.5678,\"distanceToAbove\":10.5,\"distanceToBelow\":5.25,"
            + "\"distanceToEntry\":null,\"isNaib\":false,\"isFedaykin\":true,\"test\":true}";

    public sealed interface Result {}

    public record Recorded(Notifications.Alert alert) implements Result {}

    /** @param reason the member's preferences or cap that stopped it, for the administrator */
    public record Refused(String reason) implements Result {}

    public record NoSuchMember(MemberId memberId) implements Result {}

    private final MemberLookup members;
    private final Notifications notifications;
    private final Clock clock;

    public SendTestAlert(MemberLookup members, Notifications notifications, Clock clock) {
        this.members = Objects.requireNonNull(members, "members");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param admin the administrator who asked (audited as {@code admin_test_alert}) */
    public Result send(MemberId memberId, String admin) {
        Instant now = clock.instant();
        Optional<MemberProfile> member = members.byId(memberId);
        if (member.isEmpty()) {
            return new NoSuchMember(memberId);
        }
        Notifications.Preferences preferences = notifications.preferences(member.get().memberId(), now);
        int cap = preferences.frequency().perWeek();
        if (!preferences.positionUpdates()) {
            return new Refused("Position updates disabled");
        }
        if (preferences.alertsSentThisWeek() >= cap) {
            return new Refused("Weekly limit reached (" + preferences.alertsSentThisWeek() + "/" + cap + ")");
        }
        return new Recorded(notifications.record(new Notifications.NewAlert(
                new QueuedAlert.ToMember(member.get().memberId()), AlertType.POSITION_UPDATE.wireName(), DATA, false,
                Optional.of(NOT_CONNECTED), Optional.of(admin)), now));
    }
}
