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
    public record Holder(long seatId, int seatNumber, String memberId, Instant seatedAt, Wei held, boolean eligible) {
        public Holder {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(seatedAt, "seatedAt");
            Objects.requireNonNull(held, "held");
        }
    }

    /** An eligible member without a seat. */
    public record Challenger(String memberId, Wei held, Instant memberSince) {
        public Challenger {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(held, "held");
            Objects.requireNonNull(memberSince, "memberSince");
        }
    }

    public sealed interface Change {
        String memberId();

        int seatNumber();
    }

    /** @param bumped the member who held the seat until now, when the seat was taken from them */
    public record Seated(String memberId, int seatNumber, Wei held, Optional<String> bumped) implements Change {
        public String reason() {
            return bumped.isPresent() ? "bump" : "available_seat";
        }
    }

    /** @param reason {@code ineligible} or {@code bumped} */
    public record Unseated(long seatId, String memberId, int seatNumber, Wei held, String reason,
            Optional<String> bumpedBy) implements Change {}

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
                        "ineligible", Optional.empty()));
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
            changes.add(new Unseated(weakest.seatId(), weakest.memberId(), weakest.seatNumber(), weakest.held(), "bumped",
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
