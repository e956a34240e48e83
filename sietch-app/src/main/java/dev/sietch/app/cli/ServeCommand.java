package dev.sietch.app.cli;

import dev.sietch.app.InstanceLock;
import dev.sietch.app.Logging;
import dev.sietch.app.Service;
import dev.sietch.app.config.ConfigResult;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sietch serve}: runs the service until SIGTERM or SIGINT. */
@Command(name = "serve", description = "Run the service: open the database, serve the HTTP API.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    SietchCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Optional<ConfigResult.Valid> config = parent.validConfig(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return SietchCommand.EXIT_CONFIG;
        }
        var valid = config.get();
        Logging.apply(valid.settings().log());
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        // SQLite: one service per database, or every job and announcement would run twice. PostgreSQL:
        // any number, the leader elected through the database running those
        java.nio.file.Path database = valid.settings().store().databasePath();
        Optional<InstanceLock> lock = Optional.empty();
        if (valid.settings().database().postgres().isEmpty()) {
            try {
                lock = InstanceLock.tryAcquire(database);
            } catch (java.io.UncheckedIOException e) {
                spec.commandLine().getErr().println("Not started: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
                return 1;
            }
            if (lock.isEmpty()) {
                spec.commandLine().getErr().println("Not started: " + InstanceLock.heldMessage(database) + ".");
                return 1;
            }
        }
        long started = System.nanoTime();
        log.info("Sietch {} starting on Java {} (config file: {})", SietchCommand.sietchVersion(),
                Runtime.version(), valid.file().map(Object::toString).orElse("none"));

        // the hook exists before the service starts, so a SIGTERM during start-up (the API already
        // answers) waits for the start to finish and then closes everything, instead of cutting it off
        var service = new java.util.concurrent.atomic.AtomicReference<Service>();
        var ready = new CountDownLatch(1);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Sietch stopping");
            try {
                ready.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Service running = service.get();
            if (running != null) {
                running.close();
            }
            log.info("Sietch stopped");
            stopped.countDown();
        }, "sietch-shutdown"));
        try (InstanceLock held = lock.orElse(null)) {
            try {
                service.set(Service.start(valid.settings(), Clock.systemUTC()));
            } finally {
                ready.countDown();
            }
            log.info("Sietch started in {} ms", (System.nanoTime() - started) / 1_000_000);

            stopped.await();
            return 0;
        }
    }
}
