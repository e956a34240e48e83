package dev.sietch.store.internal;

import dev.sietch.core.model.AuditEntry;
import dev.sietch.core.model.NaibCouncil;
import dev.sietch.core.model.Wei;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Applies {@link NaibCouncil} inside a write transaction: reads the seats and the eligible members
 * against the committed ranking ({@code current_ranking}, already the new one inside a sync's
 * transaction), asks the rule, then writes the seat changes, former-Naib flags, the
 * {@code naib_promotion} / {@code naib_demotion} audit rows and the {@code naib_seated} /
 * {@code naib_bump} alerts (queued undelivered, for the bot to deliver).
 */
public final class SeatReconciler {

    private SeatReconciler() {}

    public static List<NaibCouncil.Change> reconcile(Handle h, int seats, Instant at) {
        String now = Timestamps.format(at);
        // a holder is eligible while onboarded with a linked wallet among the members of the committed ranking
        var holders = h.createQuery("""
                        SELECT s.id, s.seat_number, s.member_id, s.seated_at, r.held,
                               CASE WHEN p.onboarding_complete = 1 AND r.member = 1 THEN 1 ELSE 0 END AS eligible
                        FROM naib_seat s
                        LEFT JOIN member_profile p ON p.member_id = s.member_id
                        LEFT JOIN wallet_link l ON l.discord_user_id = p.discord_user_id
                        LEFT JOIN current_ranking r ON r.wallet = l.wallet
                        WHERE s.unseated_at IS NULL ORDER BY s.seat_number""")
                .map((rs, ctx) -> new NaibCouncil.Holder(rs.getLong("id"), rs.getInt("seat_number"),
                        rs.getString("member_id"), Timestamps.parse(rs.getString("seated_at")),
                        rs.getString("held") == null ? Wei.ZERO : Wei.parse(rs.getString("held")),
                        rs.getInt("eligible") == 1))
                .list();
        var challengers = h.createQuery("""
                        SELECT p.member_id, p.created_at, r.held FROM member_profile p
                        JOIN wallet_link l ON l.discord_user_id = p.discord_user_id
                        JOIN current_ranking r ON r.wallet = l.wallet AND r.member = 1
                        WHERE p.onboarding_complete = 1
                          AND NOT EXISTS (SELECT 1 FROM naib_seat s WHERE s.member_id = p.member_id AND s.unseated_at IS NULL)""")
                .map((rs, ctx) -> new NaibCouncil.Challenger(rs.getString("member_id"), Wei.parse(rs.getString("held")),
                        Timestamps.parse(rs.getString("created_at"))))
                .list();
        List<NaibCouncil.Change> changes = NaibCouncil.evaluate(seats, holders, challengers, at);
        var audit = new ArrayList<AuditEntry>();
        for (NaibCouncil.Change change : changes) {
            switch (change) {
                case NaibCouncil.Unseated u -> {
                    h.createUpdate("""
                            UPDATE naib_seat SET unseated_at = :at, unseat_reason = :reason, bumped_by_member_id = :by,
                                bgt_at_unseating = :held
                            WHERE id = :id AND unseated_at IS NULL""")
                            .bind("id", u.seatId()).bind("at", now).bind("reason", u.reason())
                            .bind("by", u.bumpedBy().orElse(null)).bind("held", u.held().toSortableString()).execute();
                    h.createUpdate("UPDATE member_profile SET is_former_naib = 1 WHERE member_id = :id")
                            .bind("id", u.memberId()).execute();
                    audit.add(new AuditEntry("naib_demotion", AlertRows.data("memberId", u.memberId(), "seatNumber", u.seatNumber(),
                            "bgt", u.held().value().toString(), "reason", u.reason(), "bumpedBy", u.bumpedBy().orElse(null))));
                    if (u.reason().equals("bumped")) {
                        AlertRows.queue(h, u.memberId(), true, "naib_bump", AlertRows.data("seatNumber", u.seatNumber(),
                                "bumpedBy", u.bumpedBy().orElse(null)), now);
                    }
                }
                case NaibCouncil.Seated s -> {
                    h.createUpdate("""
                            INSERT INTO naib_seat (seat_number, member_id, seated_at, bgt_at_seating)
                            VALUES (:seat, :member, :at, :held)""")
                            .bind("seat", s.seatNumber()).bind("member", s.memberId()).bind("at", now)
                            .bind("held", s.held().toSortableString()).execute();
                    audit.add(new AuditEntry("naib_promotion", AlertRows.data("memberId", s.memberId(), "seatNumber", s.seatNumber(),
                            "bgt", s.held().value().toString(), "reason", s.reason(), "bumpedMemberId",
                            s.bumped().orElse(null))));
                    AlertRows.queue(h, s.memberId(), true, "naib_seated", AlertRows.data("seatNumber", s.seatNumber(),
                            "reason", s.reason()), now);
                }
            }
        }
        AuditWriter.write(h, audit, now);
        return changes;
    }
}
