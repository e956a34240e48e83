package dev.sietch.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.Badge;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.MemberProfile;
import dev.sietch.core.model.PictureSource;
import dev.sietch.core.model.Role;
import dev.sietch.core.port.MemberBadges;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Awarding and revoking badges by hand, against in-memory ports; listeners hear of every change. */
final class ManageBadgesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static MemberProfile member(String id) {
        return new MemberProfile(new MemberId(id), DiscordUserId.of("1000000000000000" + id.length()), "Nym" + id, Optional.empty(), Optional.empty(),
                PictureSource.NONE, Role.FEDAYKIN, NOW, true, false, 0);
    }

    /** Badges held in memory; awards and revocations are listed as the store would audit them. */
    static final class MemoryBadges implements MemberBadges {
        final Map<String, Set<Badge>> held = new HashMap<>();
        final List<String> audit = new ArrayList<>();
        final Set<String> members = new HashSet<>();

        @Override
        public AwardResult award(MemberId memberId, Badge badge, String awardedBy, Optional<String> reason,
                String adminName, Instant at) {
            if (!members.contains(memberId.value())) {
                return AwardResult.NO_SUCH_MEMBER;
            }
            if (!held.computeIfAbsent(memberId.value(), id -> new HashSet<>()).add(badge)) {
                return AwardResult.ALREADY_HELD;
            }
            audit.add("admin_badge_award:" + memberId + ":" + badge.id() + ":" + adminName);
            return AwardResult.AWARDED;
        }

        @Override
        public boolean revoke(MemberId memberId, String badgeId, String revokedBy, Instant at) {
            boolean removed = held.getOrDefault(memberId.value(), Set.of()).removeIf(b -> b.id().equals(badgeId));
            if (removed) {
                audit.add("admin_badge_revoke:" + memberId + ":" + badgeId + ":" + revokedBy);
            }
            return removed;
        }

        @Override
        public List<Held> held(MemberId memberId) {
            return held.getOrDefault(memberId.value(), Set.of()).stream().map(b -> new Held(b, NOW)).toList();
        }
    }

    private final MemoryBadges badges = new MemoryBadges();
    private final Map<String, MemberProfile> profiles = new HashMap<>();
    private final MemberChanges changes = new MemberChanges();
    private final List<String> heard = new ArrayList<>();
    private final AwardBadge award = new AwardBadge(id -> Optional.ofNullable(profiles.get(id.value())), badges, CLOCK, changes);
    private final RevokeBadge revoke = new RevokeBadge(id -> Optional.ofNullable(profiles.get(id.value())), badges, CLOCK, changes);

    private void givenMember(String id) {
        profiles.put(id, member(id));
        badges.members.add(id);
    }

    @Test
    void awardsAManualBadge_andTellsListeners() {
        // given
        givenMember("m1");
        changes.subscribe(m -> heard.add(m.memberId().value()));

        // when
        AwardBadge.Result result = award.award(new MemberId("m1"), "helper", "admin-1", Optional.of("docs"), "Admin");

        // then
        assertThat(result).isEqualTo(new AwardBadge.Awarded(profiles.get("m1"), Badge.byId("helper").orElseThrow()));
        assertThat(badges.audit).containsExactly("admin_badge_award:m1:helper:Admin");
        assertThat(heard).containsExactly("m1");
    }

    @Test
    void refusesAnAutomaticBadge_anUnknownBadge_anUnknownMember_andASecondAward_withoutTellingListeners() {
        // given
        givenMember("m1");
        award.award(new MemberId("m1"), "helper", "admin-1", Optional.empty(), "Admin");
        changes.subscribe(m -> heard.add(m.memberId().value()));

        // when / then
        assertThat(award.award(new MemberId("m1"), "og", "a", Optional.empty(), "Admin"))
                .isEqualTo(new AwardBadge.NotAwardable(Badge.byId("og").orElseThrow()));
        assertThat(award.award(new MemberId("m1"), "nope", "a", Optional.empty(), "Admin")).isEqualTo(new AwardBadge.NoSuchBadge("nope"));
        assertThat(award.award(new MemberId("m9"), "helper", "a", Optional.empty(), "Admin")).isEqualTo(new AwardBadge.NoSuchMember(new MemberId("m9")));
        assertThat(award.award(new MemberId("m1"), "helper", "a", Optional.empty(), "Admin")).isInstanceOf(AwardBadge.AlreadyHeld.class);
        assertThat(heard).isEmpty();
        assertThat(badges.audit).hasSize(1);
    }

    @Test
    void revokesAnyHeldBadge_andTellsListeners_butNotWhenNothingWasHeld() {
        // given: an automatic badge held (earned), and a listener that unsubscribes after the first change
        givenMember("m1");
        badges.held.computeIfAbsent("m1", id -> new HashSet<>()).add(Badge.byId("og").orElseThrow());
        MemberChanges.Subscription subscription = changes.subscribe(m -> heard.add(m.memberId().value()));

        // when
        RevokeBadge.Result first = revoke.revoke(new MemberId("m1"), "og", "Admin");
        subscription.close();
        RevokeBadge.Result again = revoke.revoke(new MemberId("m1"), "og", "Admin");
        RevokeBadge.Result unknown = revoke.revoke(new MemberId("m9"), "og", "Admin");

        // then
        assertThat(first).isEqualTo(new RevokeBadge.Revoked(profiles.get("m1"), "og"));
        assertThat(again).isEqualTo(new RevokeBadge.NotHeld(profiles.get("m1"), "og"));
        assertThat(unknown).isEqualTo(new RevokeBadge.NoSuchMember(new MemberId("m9")));
        assertThat(heard).containsExactly("m1");
        assertThat(badges.audit).containsExactly("admin_badge_revoke:m1:og:Admin");
    }
}
