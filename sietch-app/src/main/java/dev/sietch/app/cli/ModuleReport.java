package dev.sietch.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.Manifest;

/** What the boot layer resolved: Sietch's modules, the libraries (with versions), and the JDK's. */
record ModuleReport(List<Module> modules, List<Library> libraries) {

    /** The libraries Sietch is built on: display name, module, and a class that must load. */
    static final List<LibrarySpec> EXPECTED = List.of(
            new LibrarySpec("JDA", "net.dv8tion.jda", "net.dv8tion.jda.api.JDABuilder"),
            new LibrarySpec("OkHttp", "okhttp3", "okhttp3.OkHttpClient"),
            new LibrarySpec("web3j", "org.web3j", "org.web3j.protocol.Web3j"),
            new LibrarySpec("sqlite-jdbc", "org.xerial.sqlitejdbc", "org.sqlite.JDBC"),
            new LibrarySpec("Jdbi", "org.jdbi.v3.core", "org.jdbi.v3.core.Jdbi"),
            new LibrarySpec("Flyway", "flyway.core", "org.flywaydb.core.Flyway"),
            new LibrarySpec("Undertow", "undertow.core", "io.undertow.Undertow"),
            new LibrarySpec("Jackson", "com.fasterxml.jackson.databind", "com.fasterxml.jackson.databind.ObjectMapper"),
            new LibrarySpec("Micrometer", "micrometer.core", "io.micrometer.core.instrument.MeterRegistry"),
            new LibrarySpec("Micrometer Prometheus", "micrometer.registry.prometheus",
                    "io.micrometer.prometheusmetrics.PrometheusMeterRegistry"),
            new LibrarySpec("Typesafe Config", "typesafe.config", "com.typesafe.config.ConfigFactory"),
            new LibrarySpec("picocli", "info.picocli", "picocli.CommandLine"),
            new LibrarySpec("SLF4J", "org.slf4j", "org.slf4j.LoggerFactory"),
            new LibrarySpec("Logback", "ch.qos.logback.classic", "ch.qos.logback.classic.LoggerContext"));

    record LibrarySpec(String name, String module, String probeClass) {}

    record Library(LibrarySpec spec, Optional<String> version, boolean automatic, boolean loaded) {
        String line() {
            return String.format("%-22s %-16s %-32s %-9s %s", spec.name(), version.orElse("?"), spec.module(),
                    automatic ? "automatic" : "explicit", loaded ? "ok" : "MISSING");
        }
    }

    static ModuleReport ofBootLayer() {
        List<Module> modules = ModuleLayer.boot().modules().stream()
                .sorted(Comparator.comparing(Module::getName))
                .toList();
        List<Library> libraries = EXPECTED.stream().map(spec -> ModuleLayer.boot().findModule(spec.module())
                        .map(module -> new Library(spec, version(module), module.getDescriptor().isAutomatic(),
                                Class.forName(module, spec.probeClass()) != null))
                        .orElseGet(() -> new Library(spec, Optional.empty(), false, false)))
                .toList();
        return new ModuleReport(modules, libraries);
    }

    String summary() {
        long sietch = modules.stream().filter(m -> m.getName().startsWith("dev.sietch.")).count();
        long jdk = modules.stream().filter(ModuleReport::isJdk).count();
        List<Module> libraryModules = modules.stream()
                .filter(m -> !m.getName().startsWith("dev.sietch.") && !isJdk(m))
                .toList();
        long automatic = libraryModules.stream().filter(m -> m.getDescriptor().isAutomatic()).count();
        return String.format("Module graph: %d modules resolved: %d Sietch, %d library (%d explicit, %d automatic), %d JDK",
                modules.size(), sietch, libraryModules.size(), libraryModules.size() - automatic, automatic, jdk);
    }

    private static boolean isJdk(Module module) {
        String name = module.getName();
        return name.startsWith("java.") || name.startsWith("jdk.");
    }

    /** The manifest's Implementation-Version (the bundled web3j's is web3j's, not the bundle's), else the module's. */
    private static Optional<String> version(Module module) {
        try (InputStream in = module.getResourceAsStream("META-INF/MANIFEST.MF")) {
            if (in != null) {
                var attributes = new Manifest(in).getMainAttributes();
                for (String key : List.of("Implementation-Version", "Bundle-Version")) {
                    String value = attributes.getValue(key);
                    if (value != null && !value.isBlank()) {
                        return Optional.of(value.trim());
                    }
                }
            }
        } catch (IOException e) {
            // fall back to the descriptor
        }
        return module.getDescriptor().rawVersion().or(() -> module.getDescriptor().version().map(ModuleDescriptor.Version::toString));
    }
}
