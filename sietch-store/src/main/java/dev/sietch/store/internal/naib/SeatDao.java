package dev.sietch.store.internal.naib;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** naib_seat: who held which seat, from when until when and why it ended. */
@RegisterConstructorMapper(SeatDao.SeatRow.class)
interface SeatDao {

    String SEAT = """
            SELECT id, seat_number, member_id, seated_at, unseated_at, unseat_reason, bgt_at_seating, bgt_at_unseating
            FROM naib_seat""";

    record SeatRow(long id, int seatNumber, String memberId, String seatedAt, @Nullable String unseatedAt,
            @Nullable String unseatReason, String bgtAtSeating, @Nullable String bgtAtUnseating) {}

    @SqlQuery(SEAT + " WHERE unseated_at IS NULL ORDER BY seat_number")
    List<SeatRow> active();

    @SqlQuery(SEAT + " WHERE member_id = :id ORDER BY seated_at DESC, id DESC")
    List<SeatRow> history(@Bind("id") String memberId);

    @SqlQuery(SEAT + " WHERE unseated_at IS NOT NULL ORDER BY seated_at, id")
    List<SeatRow> closed();

    @SqlQuery(SEAT + " WHERE id = :id")
    SeatRow find(@Bind("id") long id);

    @SqlUpdate("""
            INSERT INTO naib_seat (seat_number, member_id, seated_at, bgt_at_seating)
            VALUES (:seat, :member, :at, :held)""")
    @GetGeneratedKeys("id")
    long seat(@Bind("seat") int seatNumber, @Bind("member") String memberId, @Bind("at") String at,
            @Bind("held") String held);

    @SqlQuery("SELECT member_id FROM naib_seat WHERE id = :id AND unseated_at IS NULL")
    Optional<String> occupant(@Bind("id") long seatId);

    @SqlUpdate("""
            UPDATE naib_seat SET unseated_at = :at, unseat_reason = :reason, bumped_by_member_id = :by,
                bgt_at_unseating = :held
            WHERE id = :id""")
    int unseat(@Bind("id") long seatId, @Bind("at") String at, @Bind("reason") String reason,
            @Bind("by") @Nullable String bumpedBy, @Bind("held") String held);

    @SqlUpdate("UPDATE member_profile SET is_former_naib = 1 WHERE member_id = :id")
    int markFormerNaib(@Bind("id") String memberId);
}
