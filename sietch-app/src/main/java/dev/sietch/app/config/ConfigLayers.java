package dev.sietch.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stacks the configuration's layers, highest first: {@code -Dsietch.…} system properties; the
 * environment variables of {@link EnvironmentVariable#ALL} (blank values count as unset); the
 * optional {@code conf/application.conf}; the {@code reference.conf} defaults of every module. A
 * key under {@code sietch} that no module defines is reported, so a typo cannot pass silently.
 */
final class ConfigLayers {

    static final String ROOT = "sietch";

    /** System properties under {@code sietch.} that the launcher sets and that are not configuration. */
    private static final Set<String> LAUNCHER_PROPERTIES = Set.of("sietch.home");

    private ConfigLayers() {}

    /** The layers stacked, or why the file could not be read (then nothing else is). */
    sealed interface Stack {

        /**
         * @param config every layer merged over the defaults
         * @param setBy the environment variable that set each key it set
         * @param unknownKeys keys under {@code sietch} that no module defines
         */
        record Stacked(Config config, Map<String, EnvironmentVariable> setBy, Set<String> unknownKeys) implements Stack {}

        record UnreadableFile(String problem) implements Stack {}
    }

    /** The modules' {@code reference.conf} defaults, merged. */
    static Config reference() {
        return ConfigFactory.parseResourcesAnySyntax(ConfigLayers.class.getClassLoader(), "reference.conf").resolve();
    }

    static Stack stack(Optional<Path> file, Map<String, String> environment, Properties systemProperties) {
        Config reference = reference();
        Config fileLayer = ConfigFactory.empty();
        if (file.isPresent()) {
            Path path = file.get();
            if (!Files.isRegularFile(path)) {
                return new Stack.UnreadableFile("config file " + path + ": not found");
            }
            try {
                fileLayer = ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                        .resolve();
            } catch (ConfigException e) {
                return new Stack.UnreadableFile("config file " + path + ": " + e.getMessage());
            }
        }
        Map<String, EnvironmentVariable> setBy = new HashMap<>();
        Config merged = ConfigFactory.parseMap(systemLayer(systemProperties), "system properties")
                .withFallback(ConfigFactory.parseMap(environmentLayer(environment, setBy), "environment"))
                .withFallback(fileLayer)
                .withFallback(reference);
        return new Stack.Stacked(merged, setBy, unknownKeys(merged, reference));
    }

    private static Map<String, String> systemLayer(Properties properties) {
        Map<String, String> layer = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(ROOT + ".") && !LAUNCHER_PROPERTIES.contains(name)) {
                layer.put(name, properties.getProperty(name));
            }
        }
        return layer;
    }

    private static Map<String, String> environmentLayer(
            Map<String, String> environment, Map<String, EnvironmentVariable> setBy) {
        Map<String, String> layer = new LinkedHashMap<>();
        for (EnvironmentVariable variable : EnvironmentVariable.ALL) {
            String value = environment.get(variable.name());
            if (value != null && !value.isBlank()) {
                layer.put(variable.path(), variable.toConfigValue().apply(value.trim()));
                setBy.put(variable.path(), variable);
            }
        }
        return layer;
    }

    private static Set<String> unknownKeys(Config merged, Config reference) {
        Set<String> unknown = new TreeSet<>();
        if (!merged.hasPath(ROOT)) {
            return unknown;
        }
        for (var entry : merged.getConfig(ROOT).entrySet()) {
            String key = ROOT + "." + entry.getKey();
            if (!reference.hasPath(key) && !isUnderListOrObjectDefault(reference, key)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    /** A key inside a value that the reference declares as a list (e.g. an element of rpc-urls given as an object). */
    private static boolean isUnderListOrObjectDefault(Config reference, String key) {
        int dot = key.lastIndexOf('.');
        while (dot > 0) {
            String parent = key.substring(0, dot);
            if (reference.hasPath(parent) && reference.getValue(parent).valueType() == ConfigValueType.LIST) {
                return true;
            }
            dot = parent.lastIndexOf('.');
        }
        return false;
    }
}
