package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported and opened packages of every module, read from the compiled descriptors, equal an
 * explicit allow-list: widening a module's surface is a deliberate change to this file.
 */
final class ModuleDescriptorsTest {

    /** module → (package → the modules it is exported to; empty means to everyone). */
    private static final Map<String, Map<String, Set<String>>> EXPORTS = Map.of(
            "dev.sietch.core", Map.of(
                    "dev.sietch.core.model", Set.of(),
                    "dev.sietch.core.usecase", Set.of("dev.sietch.http", "dev.sietch.discord", "dev.sietch.app"),
                    // façades return ports, so embedders must see them
                    "dev.sietch.core.port", Set.of()),
            "dev.sietch.store", Map.of("dev.sietch.store", Set.of()),
            "dev.sietch.chain", Map.of("dev.sietch.chain", Set.of()),
            "dev.sietch.http", Map.of("dev.sietch.http", Set.of()),
            "dev.sietch.discord", Map.of("dev.sietch.discord", Set.of()),
            "dev.sietch.app", Map.of());

    /** Jdbi maps rows to records and builds SQL-object proxies by reflection. */
    private static final Set<String> JDBI = Set.of("org.jdbi.v3.core", "org.jdbi.v3.sqlobject");

    /** module → (package → the modules it is opened to, for reflection). */
    private static final Map<String, Map<String, Set<String>>> OPENS = Map.of(
            "dev.sietch.core", Map.of(),
            "dev.sietch.store", Map.of(
                    "dev.sietch.store.internal", JDBI,
                    "dev.sietch.store.internal.badges", JDBI,
                    "dev.sietch.store.internal.legacy", JDBI,
                    "dev.sietch.store.internal.members", JDBI,
                    "dev.sietch.store.internal.naib", JDBI,
                    "dev.sietch.store.internal.notifications", JDBI,
                    "dev.sietch.store.internal.thresholds", JDBI,
                    "dev.sietch.store.internal.waitlist", JDBI,
                    "dev.sietch.store.internal.wallets", JDBI),
            "dev.sietch.chain", Map.of(),
            "dev.sietch.http", Map.of("dev.sietch.http.internal.json", Set.of("com.fasterxml.jackson.databind")),
            "dev.sietch.discord", Map.of(),
            "dev.sietch.app", Map.of("dev.sietch.app.cli", Set.of("info.picocli")));

    static Stream<Arguments> modules() {
        return ShippedClasses.LOCATIONS.entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), ModuleFinder.of(e.getValue()).findAll().iterator().next().descriptor()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void exportsOnlyTheAllowedPackages(String name, ModuleDescriptor descriptor) {
        assertThat(descriptor.name()).isEqualTo(name);
        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.isOpen()).isFalse();
        assertThat(exports(descriptor)).isEqualTo(new TreeMap<>(EXPORTS.get(name)));
        assertThat(opens(descriptor)).isEqualTo(new TreeMap<>(OPENS.get(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void namesEveryPackageUnderTheModuleName(String name, ModuleDescriptor descriptor) {
        assertThat(descriptor.packages()).isNotEmpty().allMatch(p -> p.equals(name) || p.startsWith(name + "."));
        assertThat(descriptor.version()).isPresent();
    }

    private static Map<String, Set<String>> exports(ModuleDescriptor descriptor) {
        return descriptor.exports().stream().collect(Collectors.toMap(
                ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, Set<String>> opens(ModuleDescriptor descriptor) {
        return descriptor.opens().stream().collect(Collectors.toMap(
                ModuleDescriptor.Opens::source, ModuleDescriptor.Opens::targets, (a, b) -> a, TreeMap::new));
    }
}
