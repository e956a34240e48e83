package dev.sietch.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The outcome of reading the configuration. */
public sealed interface ConfigResult {

    /** Every key read and valid. {@code file} is the application.conf that was read, if any. */
    record Valid(SietchSettings settings, Optional<Path> file) implements ConfigResult {}

    /** One line per problem, each naming its key (and the environment variable that set it, if one did). */
    record Invalid(List<String> problems) implements ConfigResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
