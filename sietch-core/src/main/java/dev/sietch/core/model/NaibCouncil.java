package dev.sietch.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who sits on the Naib council. Seats go to
 * onboarded members whose linked wallet is in the member ranks, and are defended by BGT held,
 * compared exactly in wei (a 64-bit comparison would saturate at about 9.22 BGT and pick the
 * wrong seat). Each evaluation — at every sync, and when a member finishes onboarding — does, in
 * order:
 *
 * <ol>
 *   <li>a holder who is no longer a member (out of the member ranks, wallet unlinked or profile
 *       gone) leaves the seat ({@code ineligible});
 *   <li>challengers — eligible members without a seat, by BGT held (most first), then earliest
 *       membership, then member id — take free seats, the lowest seat number first
 *       ({@code available_seat}); former Naib re-enter this way, under the same rule as anyone;
 *   <li>while the strongest remaining challenger holds <em>strictly</em> more than the weakest holder,
 *       the weakest is bumped ({@code bumped}) and the challenger takes that seat number
 *       ({@code bump}). The weakest holder is the one with the least BGT; among equals, the most
 *       recently seated (the longer-serving Naib keeps the seat). An equal amount never bumps.
 * </ol>
 *
 * <p>So seats are first come at equal holdings, and otherwise always held by the members with the
 * most BGT who have finished onboarding.
 */
public final class NaibCouncil {

    private NaibCouncil() {}

    /**
     * An occupied seat.
     *
     * @param held what the holder holds now (zero when no longer ranked)
     * @param eligible whether the holder is still a member (linked wallet in the member ranks)
     */
    public record Holder(long seatId, int seatNumber, MemberId memberId, Instant seatedAt, Wei held, boolean eligible) {
        public Holder {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(seatedAt, "seatedAt");
            Objects.requireNonNull(held, "held");
        }
    }

    /** An eligible member without a seat. */
    public record Challenger(MemberId memberId, Wei held, Instant memberSince) {
        public Challenger {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(held, "held");
            Objects.requireNonNull(memberSince, "memberSince");
        }
    }

    public sealed interface Change {
        MemberId memberId();

        int seatNumber();
    }

    /** @param bumped the member who held the seat until now, when the seat was taken from them */
    public record Seated(MemberId memberId, int seatNumber, Wei held, Optional<MemberId> bumped) implements Change {
        public String reason() {
            return bumped.isPresent() ? "bump" : "available_seat";
        }
    }

    /** @param reason {@link UnseatReason#INELIGIBLE} or {@link UnseatReason#BUMPED} */
    public record Unseated(long seatId, MemberId memberId, int seatNumber, Wei held, UnseatReason reason,
            Optional<MemberId> bumpedBy) implements Change {}

    /** An occupied seat as stored. */
    public record Seat(long seatId, int seatNumber, MemberId memberId, Instant seatedAt) {
        public Seat {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(seatedAt, "seatedAt");
        }
    }

    /**
     * What the council needs to know of a member.
     *
     * @param ranked the member's linked wallet in the committed ranking (empty: no wallet, or not ranked)
     */
    public record Standing(MemberId memberId, boolean onboarded, Instant memberSince, Optional<RankedWallet> ranked) {
        public Standing {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(memberSince, "memberSince");
            Objects.requireNonNull(ranked, "ranked");
        }

        /** Onboarded with a linked wallet in the member ranks: may hold a seat. */
        public boolean eligible() {
            return onboarded && ranked.filter(RankedWallet::member).isPresent();
        }

        public Wei held() {
            return ranked.map(RankedWallet::held).orElse(Wei.ZERO);
        }
    }

    /**
     * The occupied seats and the standings of every onboarded member and of every holder, read in
     * the transaction that applies the outcome.
     */
    public record Snapshot(List<Seat> seats, List<Standing> standings) {
        public Snapshot {
            seats = List.copyOf(seats);
            standings = List.copyOf(standings);
        }
    }

    /**
     * What an evaluation decided, for the store to write in the same transaction.
     *
     * @param council the holders once the changes are applied (with what they hold now)
     * @param audit a {@code naib_promotion} / {@code naib_demotion} row per change
     * @param alerts a {@code naib_seated} alert per seating, a {@code naib_bump} alert per bump
     */
    public record Outcome(List<Change> changes, List<Holder> council, List<AuditEntry> audit, List<QueuedAlert> alerts) {
        public Outcome {
            changes = List.copyOf(changes);
            council = List.copyOf(council);
            audit = List.copyOf(audit);
            alerts = List.copyOf(alerts);
        }
    }

    /**
     * Evaluates the council against {@code snapshot} ({@link #evaluate}) and derives the council
     * that results, its audit rows and its alerts.
     */
    public static Outcome apply(int seats, Snapshot snapshot, Instant now) {
        var standings = new java.util.HashMap<MemberId, Standing>();
        snapshot.standings().forEach(s -> standings.put(s.memberId(), s));
        var holders = new ArrayList<Holder>();
        var seated = new java.util.HashSet<MemberId>();
        for (Seat seat : snapshot.seats()) {
            Optional<Standing> standing = Optional.ofNullable(standings.get(seat.memberId()));
            holders.add(new Holder(seat.seatId(), seat.seatNumber(), seat.memberId(), seat.seatedAt(),
                    standing.map(Standing::held).orElse(Wei.ZERO), standing.map(Standing::eligible).orElse(false)));
            seated.add(seat.memberId());
        }
        var challengers = snapshot.standings().stream()
                .filter(s -> s.eligible() && !seated.contains(s.memberId()))
                .map(s -> new Challenger(s.memberId(), s.held(), s.memberSince()))
                .toList();
        List<Change> changes = evaluate(seats, holders, challengers, now);
        var council = new ArrayList<>(holders.stream().filter(Holder::eligible).toList());
        var audit = new ArrayList<AuditEntry>();
        var alerts = new ArrayList<QueuedAlert>();
        for (Change change : changes) {
            switch (change) {
                case Unseated u -> {
                    council.removeIf(h -> h.seatId() == u.seatId());
                    audit.add(new AuditEntry("naib_demotion", AuditEntry.data("memberId", u.memberId().value(),
                            "seatNumber", u.seatNumber(), "bgt", u.held().value().toString(),
                            "reason", u.reason().wireName(),
                            "bumpedBy", u.bumpedBy().map(MemberId::value).orElse(null))));
                    if (u.reason() == UnseatReason.BUMPED) {
                        alerts.add(QueuedAlert.toMember(u.memberId(), AlertType.NAIB_BUMP, AuditEntry.data(
                                "seatNumber", u.seatNumber(),
                                "bumpedBy", u.bumpedBy().map(MemberId::value).orElse(null))));
                    }
                }
                case Seated s -> {
                    council.add(new Holder(-1, s.seatNumber(), s.memberId(), now, s.held(), true));
                    audit.add(new AuditEntry("naib_promotion", AuditEntry.data("memberId", s.memberId().value(),
                            "seatNumber", s.seatNumber(), "bgt", s.held().value().toString(), "reason", s.reason(),
                            "bumpedMemberId", s.bumped().map(MemberId::value).orElse(null))));
                    alerts.add(QueuedAlert.toMember(s.memberId(), AlertType.NAIB_SEATED, AuditEntry.data(
                            "seatNumber", s.seatNumber(), "reason", s.reason())));
                }
            }
        }
        return new Outcome(changes, council, audit, alerts);
    }

    /** The holder who loses the seat first: the least BGT, then the most recently seated. */
    public static Optional<Holder> weakest(List<Holder> council) {
        return council.stream().min(WEAKEST_FIRST);
    }

    static final Comparator<Challenger> STRONGEST_FIRST = Comparator.comparing(Challenger::held).reversed()
            .thenComparing(Challenger::memberSince).thenComparing(Challenger::memberId);

    /** The least BGT first; among equals the most recently seated; then the higher seat number. */
    static final Comparator<Holder> WEAKEST_FIRST = Comparator.comparing(Holder::held)
            .thenComparing(Holder::seatedAt, Comparator.reverseOrder())
            .thenComparing(Holder::seatNumber, Comparator.reverseOrder());

    /**
     * The changes that bring the council in line, in the order to apply them (an unseat before the
     * seating that reuses its number).
     *
     * @param seats how many seats the council has
     * @param now when the evaluation happens (the seating time of new holders)
     */
    public static List<Change> evaluate(int seats, List<Holder> active, List<Challenger> challengers, Instant now) {
        if (seats < 1) {
            throw new IllegalArgumentException("the council has at least one seat");
        }
        var changes = new ArrayList<Change>();
        var holders = new ArrayList<Holder>();
        var taken = new TreeSet<Integer>();
        for (Holder holder : active) {
            if (holder.eligible()) {
                holders.add(holder);
                taken.add(holder.seatNumber());
            } else {
                changes.add(new Unseated(holder.seatId(), holder.memberId(), holder.seatNumber(), holder.held(),
                        UnseatReason.INELIGIBLE, Optional.empty()));
            }
        }
        var queue = new ArrayList<>(challengers);
        queue.removeIf(c -> holders.stream().anyMatch(h -> h.memberId().equals(c.memberId())));
        queue.sort(STRONGEST_FIRST);
        for (Challenger challenger : queue) {
            Optional<Integer> free = freeSeat(seats, taken);
            if (free.isPresent()) {
                taken.add(free.get());
                holders.add(new Holder(-1, free.get(), challenger.memberId(), now, challenger.held(), true));
                changes.add(new Seated(challenger.memberId(), free.get(), challenger.held(), Optional.empty()));
                continue;
            }
            Holder weakest = holders.stream().min(WEAKEST_FIRST).orElseThrow();
            if (challenger.held().compareTo(weakest.held()) <= 0) {
                break; // challengers come strongest first: no later one can win either
            }
            holders.remove(weakest);
            holders.add(new Holder(-1, weakest.seatNumber(), challenger.memberId(), now, challenger.held(), true));
            changes.add(new Unseated(weakest.seatId(), weakest.memberId(), weakest.seatNumber(), weakest.held(), UnseatReason.BUMPED,
                    Optional.of(challenger.memberId())));
            changes.add(new Seated(challenger.memberId(), weakest.seatNumber(), challenger.held(),
                    Optional.of(weakest.memberId())));
        }
        return List.copyOf(changes);
    }

    private static Optional<Integer> freeSeat(int seats, TreeSet<Integer> taken) {
        for (int number = 1; number <= seats; number++) {
            if (!taken.contains(number)) {
                return Optional.of(number);
            }
        }
        return Optional.empty();
    }
}
