package dev.sietch.store.internal.thresholds;

import dev.sietch.core.model.Wei;
import dev.sietch.core.port.ThresholdHistory;
import dev.sietch.store.internal.Database;
import dev.sietch.store.internal.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The entry threshold each sync recorded (threshold_snapshot). */
public final class SqliteThresholdHistory implements ThresholdHistory {

    private final Database db;

    public SqliteThresholdHistory(Database db) {
        this.db = db;
    }

    @Override
    public List<Snapshot> recent(int limit, Optional<Instant> since) {
        return db.read(h -> h.attach(ThresholdDao.class).recent(Timestamps.formatOrNull(since), limit).stream()
                .map(row -> new Snapshot(row.syncId(), Optional.ofNullable(row.entryThreshold()).map(Wei::parse),
                        row.eligibleCount(), row.waitlistCount(), Timestamps.parse(row.createdAt())))
                .toList());
    }
}
