package dev.sietch.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.sietch.chain.ChainSettings;
import dev.sietch.core.model.Secret;
import dev.sietch.discord.DiscordSettings;
import dev.sietch.http.HttpApi;
import dev.sietch.store.Store;
import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.jar.JarFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where each Sietch module's main classes are (its jar, or its classes directory), found from one of its classes. */
final class ShippedClasses {

    private ShippedClasses() {}

    static final Map<String, Path> LOCATIONS = locations();

    private static Map<String, Path> locations() {
        var locations = new LinkedHashMap<String, Path>();
        locations.put("dev.sietch.core", locationOf(Secret.class));
        locations.put("dev.sietch.store", locationOf(Store.class));
        locations.put("dev.sietch.chain", locationOf(ChainSettings.class));
        locations.put("dev.sietch.http", locationOf(HttpApi.class));
        locations.put("dev.sietch.discord", locationOf(DiscordSettings.class));
        locations.put("dev.sietch.app", locationOf(Main.class));
        return Map.copyOf(locations);
    }

    static JavaClasses importAll() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(asLocations(LOCATIONS.values()));
    }

    /** ArchUnit reads a jar only through a jar location; a plain path to a jar file imports nothing. */
    static List<Location> asLocations(Collection<Path> paths) {
        return paths.stream().map(path -> {
            if (!path.toString().endsWith(".jar")) {
                return Location.of(path);
            }
            try (var jar = new JarFile(path.toFile())) {
                return Location.of(jar);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
