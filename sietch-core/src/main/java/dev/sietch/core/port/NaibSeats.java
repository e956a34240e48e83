package dev.sietch.core.port;

import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.NaibCouncil;
import dev.sietch.core.model.Wei;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The Naib council's seats and their history. Implemented by the store. */
public interface NaibSeats {

    /** Occupied seats. */
    List<Seat> active();

    /** Every seat the member has held, newest first. */
    List<Seat> history(MemberId memberId);

    /** Every closed seat, oldest first (for the former-Naib list). */
    List<Seat> closed();

    /**
     * Reads the council's {@link NaibCouncil.Snapshot} against the committed ranking, asks
     * {@code decide} what changes, and writes the outcome (seats, former-Naib flags, audit rows,
     * queued seat alerts), all in one transaction; a sync does the same inside its own transaction.
     * Returns what changed.
     */
    List<NaibCouncil.Change> reconcile(Instant at, Function<NaibCouncil.Snapshot, NaibCouncil.Outcome> decide);

    /** Seats a member in a free seat. */
    Seat seat(MemberId memberId, int seatNumber, Wei held, Instant at);

    /** Closes an occupied seat and marks its holder a former Naib. */
    void unseat(long seatId, String reason, Optional<MemberId> bumpedBy, Wei held, Instant at);

    record Seat(long id, int seatNumber, MemberId memberId, Instant seatedAt, Optional<Instant> unseatedAt,
            Optional<String> unseatReason, Wei heldAtSeating, Optional<Wei> heldAtUnseating) {
        public Seat {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(seatedAt, "seatedAt");
            Objects.requireNonNull(unseatedAt, "unseatedAt");
            Objects.requireNonNull(unseatReason, "unseatReason");
            Objects.requireNonNull(heldAtSeating, "heldAtSeating");
            Objects.requireNonNull(heldAtUnseating, "heldAtUnseating");
        }
    }
}
