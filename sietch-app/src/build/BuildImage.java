import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds Sietch's self-contained image; run by the build with the toolchain's JDK (see sietch-app/pom.xml).
 *
 * <pre>
 * sietch-VERSION/
 *   runtime/   jlink image of only the JDK modules the jars need (found with jdeps), stripped
 *   lib/       every jar, started on the module path
 *   bin/sietch the launcher
 *   conf/      application.conf (all defaults, commented out)
 * </pre>
 *
 * The build directory also gets runtime/sietch.aot, the JVM's ahead-of-time cache from a training
 * run; the tarball does not, because the cache is only valid at the path it was built for.
 *
 * Args: APP_JAR CLASSPATH_FILE (the runtime dependencies, path-separated) DIST_DIR OUT_DIR TARBALL
 */
public final class BuildImage {

    /**
     * JDK modules that jdeps cannot see because they are reached by reflection or service lookup:
     * TLS elliptic curves for Discord and RPC endpoints, zip file systems, the com.sun.management
     * beans behind Micrometer's process metrics, and DNS name service lookups.
     */
    private static final Set<String> BY_HAND = Set.of("jdk.crypto.ec", "jdk.zipfs", "jdk.management", "jdk.naming.dns");

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: BuildImage APP_JAR CLASSPATH_FILE DIST_DIR OUT_DIR TARBALL");
        }
        Path appJar = Path.of(args[0]);
        Path classpathFile = Path.of(args[1]);
        Path dist = Path.of(args[2]);
        Path out = Path.of(args[3]);
        Path tarball = Path.of(args[4]);

        deleteRecursively(out);
        Path lib = Files.createDirectories(out.resolve("lib"));
        for (String entry : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(appJar, lib.resolve(appJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);

        validateModulePath(lib);
        Set<String> jdkModules = jdkModules(lib);
        log("JDK modules (" + jdkModules.size() + "): " + String.join(",", jdkModules));
        jlink(jdkModules, out.resolve("runtime"));

        copyTree(dist, out);
        Path launcher = out.resolve("bin/sietch");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        Files.deleteIfExists(tarball);
        run(List.of("tar", "-C", out.getParent().toString(), "-czf", tarball.toString(), out.getFileName().toString()));

        // After the tarball: the cache is tied to this directory's path, so it is built here for
        // running from the build tree, and by `bin/sietch aot-cache` wherever the tarball is unpacked.
        runInCleanEnvironment(List.of(launcher.toString(), "aot-cache"));
        log("image " + out + " and " + tarball);
    }

    /** Fails the build on split packages, duplicate modules or unresolvable requires. */
    private static void validateModulePath(Path lib) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(List.of(java, "--module-path", lib.toString(), "--validate-modules"));
        run(List.of(java, "--module-path", lib.toString(), "--add-modules", "ALL-MODULE-PATH", "--dry-run",
                "-m", "dev.sietch.app/dev.sietch.app.Main"));
    }

    /**
     * The JDK modules the jars need: explicit modules declare them in their descriptors; the other
     * jars are analysed by jdeps one by one in class-path mode (jdeps over the whole module path
     * at once fails on automatic modules such as okio).
     */
    private static Set<String> jdkModules(Path lib) throws IOException {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        Set<String> modules = new TreeSet<>(BY_HAND);
        List<Path> jars;
        try (Stream<Path> list = Files.list(lib)) {
            jars = list.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            boolean explicit = ModuleFinder.of(jar).findAll().stream().noneMatch(r -> r.descriptor().isAutomatic());
            if (explicit) {
                continue;
            }
            var out = new StringWriter();
            var err = new StringWriter();
            int code = jdeps.run(new PrintWriter(out), new PrintWriter(err), "--multi-release", "21",
                    "--ignore-missing-deps", "--print-module-deps", "-q", "--class-path", lib + "/*", jar.toString());
            if (code != 0) {
                throw new IllegalStateException("jdeps failed on " + jar.getFileName() + ": " + err);
            }
            for (String name : out.toString().trim().split(",")) {
                if (name.startsWith("java.") || name.startsWith("jdk.")) {
                    modules.add(name.trim());
                }
            }
        }
        for (ModuleReference reference : ModuleFinder.of(lib).findAll()) {
            for (ModuleDescriptor.Requires requires : reference.descriptor().requires()) {
                if ((requires.name().startsWith("java.") || requires.name().startsWith("jdk."))
                        && !requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
                    modules.add(requires.name());
                }
            }
        }
        return modules;
    }

    private static void jlink(Set<String> modules, Path output) {
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow();
        List<String> args = new ArrayList<>(List.of("--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress", "zip-6",
                "--output", output.toString()));
        var err = new StringWriter();
        int code = jlink.run(new PrintWriter(System.out, true), new PrintWriter(err), args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("jlink failed: " + err);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed (" + process.exitValue() + "): " + String.join(" ", command));
        }
    }

    /** Runs without the builder's environment, so no operator variable (API_PORT, LOG_LEVEL…) leaks in. */
    private static void runInCleanEnvironment(List<String> command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).inheritIO();
        String path = builder.environment().getOrDefault("PATH", "/usr/bin:/bin");
        builder.environment().clear();
        builder.environment().put("PATH", path);
        Process process = builder.start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed (" + process.exitValue() + "): " + String.join(" ", command));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void log(String message) {
        System.out.println("[image] " + message);
    }
}
