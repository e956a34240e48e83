package dev.sietch.store.internal;

import dev.sietch.core.port.Outbox;
import java.time.Instant;
import java.util.List;

/** The outbox table: announcements committed with their sync, delivered afterwards. */
public final class SqliteOutbox implements Outbox {

    private static final int MAX_ERROR_LENGTH = 500;

    private final SqliteDatabase db;

    public SqliteOutbox(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<Message> pending(int limit) {
        return db.read(handle -> handle.attach(Daos.OutboxDao.class).pending(limit).stream().map(Mapping::message).toList());
    }

    @Override
    public void markDelivered(long id, Instant at) {
        db.write(handle -> handle.attach(Daos.OutboxDao.class).markDelivered(id, Timestamps.format(at)));
    }

    @Override
    public void markFailed(long id, Instant at, String error) {
        String trimmed = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        db.write(handle -> handle.attach(Daos.OutboxDao.class).markFailed(id, Timestamps.format(at) + " " + trimmed));
    }
}
