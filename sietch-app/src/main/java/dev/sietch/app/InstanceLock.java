package dev.sietch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Who owns a database file: {@code serve} holds this lock for as long as it runs, and
 * {@code restore} and {@code import-legacy}, which must not run beside it, take it too. It is an
 * OS file lock on {@code <database>.lock}, so it goes away with the process, even after a crash.
 */
public final class InstanceLock implements AutoCloseable {

    /** Lock files this process holds. */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code database}. */
    public static Path fileOf(Path database) {
        Path absolute = database.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code database} if no one holds it.
     *
     * @return the lock, or empty when another process (or this one) holds it
     * @throws UncheckedIOException if the lock file cannot be created
     */
    public static Optional<InstanceLock> tryAcquire(Path database) {
        Path file = fileOf(database);
        // held by this process already: refused without opening the file again, because closing
        // any descriptor of a file drops all of this process's locks on it
        if (!HELD.add(file)) {
            return Optional.empty();
        }
        Optional<InstanceLock> lock = Optional.empty();
        try {
            lock = lockFile(file);
            return lock;
        } finally {
            if (lock.isEmpty()) {
                HELD.remove(file);
            }
        }
    }

    private static Optional<InstanceLock> lockFile(Path file) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    return Optional.empty();
                }
                channel.truncate(0);
                channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                return Optional.of(new InstanceLock(file, channel, lock));
            } catch (OverlappingFileLockException e) {
                channel.close();
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lock file " + file, e);
        }
    }

    /** The message for an operator when the lock is held. */
    public static String heldMessage(Path database) {
        return "Sietch is running on " + database.toAbsolutePath().normalize() + " (" + fileOf(database)
                + " is locked)";
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        } finally {
            HELD.remove(file);
        }
    }
}
