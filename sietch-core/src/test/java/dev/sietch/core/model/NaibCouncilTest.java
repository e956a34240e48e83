package dev.sietch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.core.model.NaibCouncil.Challenger;
import dev.sietch.core.model.NaibCouncil.Holder;
import dev.sietch.core.model.NaibCouncil.Seated;
import dev.sietch.core.model.NaibCouncil.Unseated;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The council's seats: filled, defended by exact wei, emptied when a holder leaves, refilled. */
final class NaibCouncilTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    /** 10,000 BGT: far above 2^63 wei (about 9.22 BGT), where a 64-bit comparison saturates. */
    private static final BigInteger BIG = BigInteger.TEN.pow(22);

    private static Wei bgt(long extraWei) {
        return new Wei(BIG.add(BigInteger.valueOf(extraWei)));
    }

    private static Holder holder(int seat, Wei held, Duration seatedAfterT0) {
        return new Holder(seat * 10L, seat, new MemberId("m" + seat), T0.plus(seatedAfterT0), held, true);
    }

    private static Challenger challenger(String id, Wei held) {
        return new Challenger(new MemberId(id), held, T0);
    }

    /** Seven holders; seat 3 holds the least (by one wei), and seat 7 was seated last. */
    private static List<Holder> fullCouncil() {
        var seats = new ArrayList<Holder>();
        for (int seat = 1; seat <= 7; seat++) {
            seats.add(holder(seat, bgt(seat == 3 ? 100 : 101 + seat), Duration.ofHours(seat)));
        }
        return seats;
    }

    @Test
    void freeSeatsGoToTheStrongestChallengers_lowestNumberFirst() {
        var changes = NaibCouncil.evaluate(7, List.of(holder(2, bgt(5), Duration.ZERO)),
                List.of(challenger("weak", bgt(1)), challenger("strong", bgt(9))), NOW);

        assertThat(changes).containsExactly(
                new Seated(new MemberId("strong"), 1, bgt(9), Optional.empty()),
                new Seated(new MemberId("weak"), 3, bgt(1), Optional.empty()));
        assertThat(((Seated) changes.getFirst()).reason()).isEqualTo("available_seat");
    }

    @Test
    void aStrictlyRicherChallengerBumpsTheWeakestHolder_comparedExactlyInWei() {
        // a saturated comparison would see seven equal amounts and bump the latest seat (7)
        var changes = NaibCouncil.evaluate(7, fullCouncil(), List.of(challenger("rich", bgt(101))), NOW);

        assertThat(changes).containsExactly(
                new Unseated(30, new MemberId("m3"), 3, bgt(100), UnseatReason.BUMPED, Optional.of(new MemberId("rich"))),
                new Seated(new MemberId("rich"), 3, bgt(101), Optional.of(new MemberId("m3"))));
        assertThat(((Seated) changes.get(1)).reason()).isEqualTo("bump");
    }

    @Test
    void anEqualAmountNeverBumps_andAmongEqualHoldersTheLatestSeatedLoses() {
        assertThat(NaibCouncil.evaluate(7, fullCouncil(), List.of(challenger("equal", bgt(100))), NOW)).isEmpty();

        var tied = new ArrayList<Holder>();
        for (int seat = 1; seat <= 7; seat++) {
            tied.add(holder(seat, bgt(50), Duration.ofHours(seat == 4 ? 99 : seat)));
        }
        assertThat(NaibCouncil.evaluate(7, tied, List.of(challenger("rich", bgt(51))), NOW))
                .first().isEqualTo(new Unseated(40, new MemberId("m4"), 4, bgt(50), UnseatReason.BUMPED, Optional.of(new MemberId("rich"))));
    }

    @Test
    void aHolderWhoLeftTheMemberRanksIsUnseated_andTheSeatRefilled() {
        var council = new ArrayList<>(fullCouncil());
        Holder gone = council.get(4);
        council.set(4, new Holder(gone.seatId(), gone.seatNumber(), gone.memberId(), gone.seatedAt(), Wei.ZERO, false));

        var changes = NaibCouncil.evaluate(7, council, List.of(challenger("next", bgt(1)), challenger("other", bgt(2))), NOW);

        // the free seat goes to the strongest challenger, even one holding less than every remaining Naib
        assertThat(changes).containsExactly(
                new Unseated(50, new MemberId("m5"), 5, Wei.ZERO, UnseatReason.INELIGIBLE, Optional.empty()),
                new Seated(new MemberId("other"), 5, bgt(2), Optional.empty()));
    }

    @Test
    void aFormerNaibReentersLikeAnyone_andSeveralBumpsHappenInOneEvaluation() {
        var changes = NaibCouncil.evaluate(7, fullCouncil(),
                List.of(challenger("former", bgt(1_000)), challenger("also", bgt(500)), challenger("short", bgt(100))), NOW);

        assertThat(changes).extracting(c -> c.getClass().getSimpleName() + ":" + c.memberId() + "@" + c.seatNumber())
                .containsExactly("Unseated:m3@3", "Seated:former@3", "Unseated:m1@1", "Seated:also@1");
    }
}
