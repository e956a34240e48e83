package dev.sietch.store.internal;

import dev.sietch.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An online backup of an SQLite database: {@code VACUUM INTO} a new file while others read and write. */
public final class SqliteBackup {

    private final Database db;

    public SqliteBackup(Database db) {
        this.db = db;
    }

    public void backupTo(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new StoreException("backup target " + absolute + " already exists", null);
        }
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create directory for backup " + absolute, e);
        }
        db.withHandle(handle -> handle.attach(MaintenanceDao.class).vacuumInto(absolute.toString()));
    }
}
