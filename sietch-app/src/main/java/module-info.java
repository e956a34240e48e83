import org.jspecify.annotations.NullMarked;

/**
 * The composition root and launcher: reads the configuration (the only module that does), builds
 * the adapters, and runs the CLI ({@code serve}, {@code doctor}). It exports nothing; the image
 * starts it with {@code -m dev.sietch.app/dev.sietch.app.Main}. The command classes are opened to
 * picocli, which reads their annotations and sets their option fields by reflection.
 */
@NullMarked
module dev.sietch.app {
    requires static org.jspecify;
    requires dev.sietch.core;
    requires dev.sietch.store;
    requires dev.sietch.chain;
    requires dev.sietch.http;
    requires dev.sietch.discord;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires typesafe.config;
    requires info.picocli;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires java.net.http; // the AOT training workload calls the service's own routes

    opens dev.sietch.app.cli to info.picocli;
}
