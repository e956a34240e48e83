package dev.sietch.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.AlertFrequency;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.port.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A test alert follows the member's preferences and weekly cap, and is recorded undelivered. */
final class SendTestAlertTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** One member's preferences and the alerts recorded; what a test alert does not use is refused loudly. */
    private static final class MemoryNotifications implements Notifications {
        Preferences preferences = new Preferences(true, true, true, AlertFrequency.DEFAULT, 0);
        final List<NewAlert> recorded = new ArrayList<>();

        @Override
        public Preferences preferences(MemberId memberId, Instant now) {
            return preferences;
        }

        @Override
        public Alert record(NewAlert alert, Instant at) {
            recorded.add(alert);
            return new Alert(recorded.size(), alert.recipientId(), alert.type(), alert.delivered(), alert.deliveryError(),
                    at, alert.dataJson());
        }

        @Override
        public Preferences update(MemberId memberId, Change change, Instant now) {
            throw new UnsupportedOperationException("not part of a test alert");
        }

        @Override
        public List<Alert> history(String recipientId, int limit, Optional<String> type) {
            throw new UnsupportedOperationException("not part of a test alert");
        }

        @Override
        public Stats stats(Instant weekStart) {
            return new Stats(recorded.size(), recorded.size(), Map.of(), 0, 1, 0, 0);
        }

        @Override
        public int resetCounters(String triggeredBy, Instant at) {
            throw new UnsupportedOperationException("not part of a test alert");
        }

        @Override
        public long sentCount() {
            return 0;
        }

        @Override
        public Optional<Integer> resetWeek(Instant weekStart, Instant at) {
            throw new UnsupportedOperationException("not part of a test alert");
        }

        @Override
        public List<Pending> due(Instant now, int limit) {
            return List.of();
        }

        @Override
        public void markDelivered(long alertId, Instant at) {
            throw new UnsupportedOperationException("not part of a test alert");
        }

        @Override
        public void markFailed(long alertId, String error, Optional<Instant> retryAt, Instant at) {
            throw new UnsupportedOperationException("not part of a test alert");
        }
    }

    private final MemoryNotifications notifications = new MemoryNotifications();
    private final MemberProfile member = ManageBadgesTest.member("m1");
    private final SendTestAlert send = new SendTestAlert(
            id -> id.equals(new MemberId("m1")) ? Optional.of(member) : Optional.empty(), notifications, CLOCK);

    @Test
    void recordsAFixedPositionUpdate_undeliveredAndAudited() {
        // when
        SendTestAlert.Result result = send.send(new MemberId("m1"), "Admin");

        // then
        assertThat(result).isInstanceOf(SendTestAlert.Recorded.class);
        Notifications.NewAlert alert = notifications.recorded.getFirst();
        assertThat(alert.type()).isEqualTo("position_update");
        assertThat(alert.delivered()).isFalse();
        assertThat(alert.deliveryError()).contains(SendTestAlert.NOT_CONNECTED);
        assertThat(alert.testBy()).contains("Admin");
        assertThat(alert.dataJson()).contains("\"test\":true");
    }

    @Test
    void refusesWhenPositionUpdatesAreOff_orTheWeekIsFull_orTheMemberIsUnknown() {
        // given / when / then
        notifications.preferences = new Notifications.Preferences(false, true, true, AlertFrequency.DEFAULT, 0);
        assertThat(send.send(new MemberId("m1"), "Admin")).isEqualTo(new SendTestAlert.Refused("Position updates disabled"));
        notifications.preferences = new Notifications.Preferences(true, true, true, AlertFrequency.TWO_PER_WEEK, 2);
        assertThat(send.send(new MemberId("m1"), "Admin")).isEqualTo(new SendTestAlert.Refused("Weekly limit reached (2/2)"));
        assertThat(send.send(new MemberId("m2"), "Admin")).isEqualTo(new SendTestAlert.NoSuchMember(new MemberId("m2")));
        assertThat(notifications.recorded).isEmpty();
    }
}
