package dev.sietch.store.internal;

import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.NaibCouncil;
import dev.sietch.core.model.RankedWallet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Reads the council's {@link NaibCouncil.Snapshot} against the committed ranking
 * ({@code current_ranking}, already the new one inside a sync's transaction) and writes the seat
 * changes a rule decided: closed and new seats, former-Naib flags. Decides nothing.
 */
public final class SeatReconciler {

    private SeatReconciler() {}

    /** Snapshot, decision and its writing (changes, audit rows, queued alerts) in the caller's transaction. */
    public static List<NaibCouncil.Change> reconcile(Handle h, Instant at, Function<NaibCouncil.Snapshot, NaibCouncil.Outcome> decide) {
        NaibCouncil.Outcome outcome = decide.apply(snapshot(h));
        write(h, outcome.changes(), at);
        AuditWriter.write(h, outcome.audit(), Timestamps.format(at));
        outcome.alerts().forEach(alert -> AlertRows.queue(h, alert, Timestamps.format(at)));
        return outcome.changes();
    }

    static NaibCouncil.Snapshot snapshot(Handle h) {
        var seats = h.createQuery("""
                        SELECT id, seat_number, member_id, seated_at FROM naib_seat
                        WHERE unseated_at IS NULL ORDER BY seat_number""")
                .map((rs, ctx) -> new NaibCouncil.Seat(rs.getLong("id"), rs.getInt("seat_number"),
                        new MemberId(rs.getString("member_id")), Timestamps.parse(rs.getString("seated_at"))))
                .list();
        // every onboarded member, and every holder whatever their profile's state, with their linked wallet's entry
        var standings = h.createQuery("""
                        SELECT p.member_id, p.onboarding_complete, p.created_at, r.wallet, r.rank, r.held, r.role, r.member
                        FROM member_profile p
                        LEFT JOIN wallet_link l ON l.discord_user_id = p.discord_user_id
                        LEFT JOIN current_ranking r ON r.wallet = l.wallet
                        WHERE p.onboarding_complete = 1
                           OR EXISTS (SELECT 1 FROM naib_seat s WHERE s.member_id = p.member_id AND s.unseated_at IS NULL)
                        ORDER BY p.member_id""")
                .map((rs, ctx) -> new NaibCouncil.Standing(new MemberId(rs.getString("member_id")),
                        rs.getInt("onboarding_complete") == 1, Timestamps.parse(rs.getString("created_at")),
                        rs.getString("wallet") == null ? Optional.<RankedWallet>empty() : Optional.of(Mapping.ranked(rs))))
                .list();
        return new NaibCouncil.Snapshot(seats, standings);
    }

    static void write(Handle h, List<NaibCouncil.Change> changes, Instant at) {
        String now = Timestamps.format(at);
        for (NaibCouncil.Change change : changes) {
            switch (change) {
                case NaibCouncil.Unseated u -> {
                    h.createUpdate("""
                            UPDATE naib_seat SET unseated_at = :at, unseat_reason = :reason, bumped_by_member_id = :by,
                                bgt_at_unseating = :held
                            WHERE id = :id AND unseated_at IS NULL""")
                            .bind("id", u.seatId()).bind("at", now).bind("reason", u.reason().wireName())
                            .bind("by", u.bumpedBy().map(MemberId::value).orElse(null)).bind("held", u.held().toSortableString()).execute();
                    h.createUpdate("UPDATE member_profile SET is_former_naib = 1 WHERE member_id = :id")
                            .bind("id", u.memberId().value()).execute();
                }
                case NaibCouncil.Seated s -> h.createUpdate("""
                            INSERT INTO naib_seat (seat_number, member_id, seated_at, bgt_at_seating)
                            VALUES (:seat, :member, :at, :held)""")
                        .bind("seat", s.seatNumber()).bind("member", s.memberId().value()).bind("at", now)
                        .bind("held", s.held().toSortableString()).execute();
            }
        }
    }
}
