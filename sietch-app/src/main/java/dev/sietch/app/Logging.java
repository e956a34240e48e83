package dev.sietch.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;
import dev.sietch.app.config.SietchSettings;
import java.net.URL;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/** Applies the configured log level and format by reloading logback.xml with them set. */
public final class Logging {

    private Logging() {}

    public static void apply(SietchSettings.Log settings) {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        URL xml = Objects.requireNonNull(Logging.class.getResource("/logback.xml"), "logback.xml");
        context.reset();
        context.putProperty("sietch.log.level", settings.level().name().toLowerCase(Locale.ROOT));
        context.putProperty("sietch.log.format", settings.format().appender());
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(xml);
        } catch (JoranException e) {
            new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
            throw new IllegalStateException("logback.xml is invalid", e);
        }
    }
}
