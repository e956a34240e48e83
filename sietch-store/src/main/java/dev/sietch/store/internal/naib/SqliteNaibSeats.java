package dev.sietch.store.internal.naib;

import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.NaibCouncil;
import dev.sietch.core.model.Wei;
import dev.sietch.core.port.NaibSeats;
import dev.sietch.store.internal.Database;
import dev.sietch.store.internal.SeatReconciler;
import dev.sietch.store.internal.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The Naib seats (naib_seat); an unseated member is marked a former Naib in the same transaction. */
public final class SqliteNaibSeats implements NaibSeats {

    private final Database db;

    public SqliteNaibSeats(Database db) {
        this.db = db;
    }

    @Override
    public List<Seat> active() {
        return db.read(h -> seats(h.attach(SeatDao.class).active()));
    }

    @Override
    public List<Seat> history(MemberId memberId) {
        return db.read(h -> seats(h.attach(SeatDao.class).history(memberId.value())));
    }

    @Override
    public List<Seat> closed() {
        return db.read(h -> seats(h.attach(SeatDao.class).closed()));
    }

    @Override
    public List<NaibCouncil.Change> reconcile(Instant at,
            java.util.function.Function<NaibCouncil.Snapshot, NaibCouncil.Outcome> decide) {
        return db.write(h -> SeatReconciler.reconcile(h, at, decide));
    }

    @Override
    public Seat seat(MemberId memberId, int seatNumber, Wei held, Instant at) {
        return db.write(h -> {
            var dao = h.attach(SeatDao.class);
            long id = dao.seat(seatNumber, memberId.value(), Timestamps.format(at), held.toSortableString());
            return seat(dao.find(id));
        });
    }

    @Override
    public void unseat(long seatId, String reason, Optional<MemberId> bumpedBy, Wei held, Instant at) {
        db.write(h -> {
            var dao = h.attach(SeatDao.class);
            String member = dao.occupant(seatId)
                    .orElseThrow(() -> new IllegalArgumentException("no occupied seat " + seatId));
            dao.unseat(seatId, Timestamps.format(at), reason, bumpedBy.map(MemberId::value).orElse(null), held.toSortableString());
            return dao.markFormerNaib(member);
        });
    }

    private static List<Seat> seats(List<SeatDao.SeatRow> rows) {
        return rows.stream().map(SqliteNaibSeats::seat).toList();
    }

    private static Seat seat(SeatDao.SeatRow row) {
        return new Seat(row.id(), row.seatNumber(), new MemberId(row.memberId()), Timestamps.parse(row.seatedAt()),
                Optional.ofNullable(row.unseatedAt()).map(Timestamps::parse), Optional.ofNullable(row.unseatReason()),
                Wei.parse(row.bgtAtSeating()), Optional.ofNullable(row.bgtAtUnseating()).map(Wei::parse));
    }
}
