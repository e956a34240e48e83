package dev.sietch.store.internal;

import dev.sietch.core.port.BotState;
import dev.sietch.core.port.Outbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox table (announcements committed with their sync, delivered afterwards) and the bot's state. */
public final class SqliteOutbox implements Outbox, BotState {

    private static final int MAX_ERROR_LENGTH = 500;

    private final Database db;

    public SqliteOutbox(Database db) {
        this.db = db;
    }

    @Override
    public List<Message> pending(int limit) {
        return db.read(handle -> handle.attach(Daos.OutboxDao.class).pending(limit).stream().map(Mapping::message).toList());
    }

    @Override
    public List<Message> due(Instant now, int limit) {
        return db.read(handle -> handle.attach(Daos.OutboxDao.class).due(Timestamps.format(now), limit).stream()
                .map(Mapping::message).toList());
    }

    @Override
    public long pendingCount() {
        return db.read(handle -> handle.attach(Daos.OutboxDao.class).pendingCount());
    }

    @Override
    public void markDirectMessage(long id, DirectMessage outcome, Instant at) {
        db.write(handle -> handle.attach(Daos.OutboxDao.class).markDirectMessage(id, outcome.wireName(),
                Timestamps.format(at)));
    }

    @Override
    public void markDelivered(long id, Instant at) {
        db.write(handle -> handle.attach(Daos.OutboxDao.class).markDelivered(id, Timestamps.format(at)));
    }

    @Override
    public void markFailed(long id, Instant at, String error, Instant retryAt) {
        String trimmed = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        db.write(handle -> handle.attach(Daos.OutboxDao.class).markFailed(id, Timestamps.format(at) + " " + trimmed,
                Timestamps.format(retryAt)));
    }

    @Override
    public Optional<String> get(String key) {
        return db.read(handle -> handle.attach(Daos.BotStateDao.class).get(key));
    }

    @Override
    public void put(String key, String value, Instant at) {
        db.write(handle -> handle.attach(Daos.BotStateDao.class).put(key, value, Timestamps.format(at)));
    }

    @Override
    public boolean claim(String key, Optional<String> expected, String value, Instant at) {
        String time = Timestamps.format(at);
        return db.write(handle -> {
            var dao = handle.attach(Daos.BotStateDao.class);
            return (expected.isPresent() ? dao.replace(key, expected.get(), value, time) : dao.create(key, value, time)) == 1;
        });
    }
}
