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

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
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
                return Optional.of(new InstanceLock(channel, lock));
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
        }
    }
}
