package dev.sietch.store;

import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.AlertFrequency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.QueuedAlert;
import dev.sietch.core.model.Role;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.MemberBadges;
import dev.sietch.core.port.Members;
import dev.sietch.core.port.Notifications;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The community tables (V004): links, profiles, badges, seats, waitlist, preferences and alerts. */
class CommunityStoreTest extends StoreTestBase {

    /** A uniqueness refusal, as SQLite or PostgreSQL words it. */
    static final String UNIQUE_VIOLATION = "(?s).*(UNIQUE constraint failed|duplicate key value violates unique constraint).*";

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private Members.NewProfile profile(String discordId, String nym) {
        return new Members.NewProfile(DiscordUserId.of(discordId), nym, Role.FEDAYKIN, Optional.empty(), Optional.empty(), PictureSource.NONE);
    }

    @Test
    void linkingMovesAWalletOrAnAccount_andKeepsTheProfile() {
        try (var store = open("s.db")) {
            var links = store.walletLinks();
            links.link(DiscordUserId.of("111111111111111111"), EventLedgerTest.wallet(1), T0);
            var member = store.members().create(profile("111111111111111111", "Alice"), T0);

            links.link(DiscordUserId.of("111111111111111111"), EventLedgerTest.wallet(2), T0); // the member moves to a new wallet
            links.link(DiscordUserId.of("222222222222222222"), EventLedgerTest.wallet(2), T0); // another account proves that wallet

            assertThat(links.walletOf(DiscordUserId.of("111111111111111111"))).isEmpty();
            assertThat(links.walletOf(DiscordUserId.of("222222222222222222"))).contains(EventLedgerTest.wallet(2));
            assertThat(store.members().byDiscordId(DiscordUserId.of("111111111111111111"))).contains(member);
            assertThat(store.members().byNym("ALICE")).contains(member);
            assertThatThrownBy(() -> store.members().create(profile("333333333333333333", "alice"), T0))
                    .hasMessageMatching(UNIQUE_VIOLATION); // nyms are unique regardless of case
        }
    }

    @Test
    void aCompletedLinkIsConfirmedOnce_withTheWalletItReplaced() {
        try (var store = open("s.db")) {
            var verifications = store.walletVerifications();
            DiscordUserId account = DiscordUserId.of("111111111111111111");
            store.walletLinks().link(account, EventLedgerTest.wallet(1), T0);
            verifications.create(new dev.sietch.core.port.WalletVerifications.Challenge("n1", account, T0,
                    T0.plusSeconds(600), Optional.empty()));
            verifications.create(new dev.sietch.core.port.WalletVerifications.Challenge("n2", account, T0,
                    T0.plusSeconds(600), Optional.empty()));
            assertThat(verifications.unconfirmed(T0.minusSeconds(1), 10)).isEmpty(); // none completed yet

            assertThat(verifications.complete("n1", EventLedgerTest.wallet(2), T0.plusSeconds(10))).isTrue();
            assertThat(verifications.unconfirmed(T0.minusSeconds(1), 10)).containsExactly(
                    new dev.sietch.core.port.WalletVerifications.Completed("n1", account, EventLedgerTest.wallet(2),
                            Optional.of(EventLedgerTest.wallet(1))));
            assertThat(verifications.unconfirmed(T0.plusSeconds(10), 10)).as("completed before the window").isEmpty();
            assertThat(verifications.claimConfirmation("n2", T0)).as("not completed").isFalse();

            assertThat(verifications.claimConfirmation("n1", T0.plusSeconds(11))).isTrue();
            assertThat(verifications.claimConfirmation("n1", T0.plusSeconds(12))).as("claimed once").isFalse();
            assertThat(verifications.unconfirmed(T0.minusSeconds(1), 10)).isEmpty();
        }
    }

    @Test
    void badgesAwardOnce_revoke_andAwardAgain_eachAudited() {
        try (var store = open("s.db")) {
            var member = store.members().create(profile("111111111111111111", "bob"), T0);
            var badges = store.memberBadges();

            assertThat(badges.award(member.memberId(), Badge.HELPER, "council", Optional.empty(), "ops", T0))
                    .isEqualTo(MemberBadges.AwardResult.AWARDED);
            assertThat(badges.award(member.memberId(), Badge.HELPER, "council", Optional.empty(), "ops", T0))
                    .isEqualTo(MemberBadges.AwardResult.ALREADY_HELD);
            assertThat(badges.award(new MemberId("no-such-member"), Badge.HELPER, "council", Optional.empty(), "ops", T0))
                    .isEqualTo(MemberBadges.AwardResult.NO_SUCH_MEMBER);
            assertThat(store.members().byId(member.memberId()).orElseThrow().badgeCount()).isEqualTo(1);
            assertThat(badges.revoke(member.memberId(), "helper", "ops", T0)).isTrue();
            assertThat(badges.revoke(member.memberId(), "helper", "ops", T0)).isFalse();
            assertThat(store.members().byId(member.memberId()).orElseThrow().badgeCount()).isZero();
            assertThat(badges.award(member.memberId(), Badge.HELPER, "council", Optional.of("again"), "ops", T0))
                    .isEqualTo(MemberBadges.AwardResult.AWARDED);
            assertThat(store.auditLog().recent(10, Optional.empty(), Optional.empty()))
                    .extracting(r -> r.type())
                    .containsExactly("admin_badge_award", "admin_badge_revoke", "admin_badge_award", "member_added");
        }
    }

    @Test
    void oneActiveSeatPerNumberAndPerMember_amountsExactBeyond2To63() {
        try (var store = open("s.db")) {
            var a = store.members().create(profile("111111111111111111", "a"), T0);
            var b = store.members().create(profile("222222222222222222", "b"), T0);
            Wei huge = new Wei(BigInteger.TWO.pow(100).add(BigInteger.ONE));
            var seat = store.naibSeats().seat(a.memberId(), 1, huge, T0);

            assertThat(seat.heldAtSeating()).isEqualTo(huge);
            assertThatThrownBy(() -> store.naibSeats().seat(b.memberId(), 1, Wei.of(1), T0)).hasMessageMatching(UNIQUE_VIOLATION);
            assertThatThrownBy(() -> store.naibSeats().seat(a.memberId(), 2, Wei.of(1), T0)).hasMessageMatching(UNIQUE_VIOLATION);

            store.naibSeats().unseat(seat.id(), "bumped", Optional.of(b.memberId()), huge, T0.plusSeconds(60));
            store.naibSeats().seat(b.memberId(), 1, Wei.of(2), T0.plusSeconds(60));

            assertThat(store.naibSeats().active()).extracting(s -> s.memberId()).containsExactly(b.memberId());
            assertThat(store.naibSeats().closed()).singleElement().satisfies(closed -> {
                assertThat(closed.unseatReason()).contains("bumped");
                assertThat(closed.heldAtUnseating()).contains(huge);
            });
            assertThat(store.members().byId(a.memberId()).orElseThrow().formerNaib()).isTrue();
        }
    }

    @Test
    void preferencesDefaultUpdateAndDeliveredAlertsCountAgainstTheWeek() {
        try (var store = open("s.db")) {
            var m = store.members().create(profile("111111111111111111", "c"), T0);
            var notifications = store.notifications();

            notifications.record(new Notifications.NewAlert(new QueuedAlert.ToMember(m.memberId()), "position_update", "{}", true,
                    Optional.empty(), Optional.empty()), T0);
            notifications.record(new Notifications.NewAlert(new QueuedAlert.ToMember(m.memberId()), "at_risk_warning", "{}", false,
                    Optional.of("blocked DMs"), Optional.empty()), T0);
            var updated = notifications.update(m.memberId(), new Notifications.Change(Optional.of(false), Optional.empty(),
                    Optional.empty(), Optional.of(AlertFrequency.DAILY)), T0);

            assertThat(updated).isEqualTo(new Notifications.Preferences(false, true, true, AlertFrequency.DAILY, 1));
            var stats = notifications.stats(T0.minusSeconds(1));
            assertThat(stats.total()).isEqualTo(2);
            assertThat(stats.delivered()).isEqualTo(1);
            assertThat(stats.positionUpdatesDisabled()).isEqualTo(1);
            assertThat(notifications.resetCounters("ops", T0)).isEqualTo(1);
            assertThat(notifications.preferences(m.memberId(), T0).alertsSentThisWeek()).isZero();
        }
    }

    @Test
    void waitlistAllowsOneActiveRegistrationPerWalletAndAccount() {
        try (var store = open("s.db")) {
            var waitlist = store.waitlist();
            waitlist.register(DiscordUserId.of("111111111111111111"), EventLedgerTest.wallet(70), 70, Wei.of(5), T0);

            assertThatThrownBy(() -> waitlist.register(DiscordUserId.of("222222222222222222"), EventLedgerTest.wallet(70), 70, Wei.of(5), T0))
                    .hasMessageMatching(UNIQUE_VIOLATION);
            assertThat(waitlist.registered(java.util.List.of(EventLedgerTest.wallet(70), EventLedgerTest.wallet(71))))
                    .containsExactly(EventLedgerTest.wallet(70));
            assertThat(waitlist.pendingCount()).isEqualTo(1);
        }
    }
}
