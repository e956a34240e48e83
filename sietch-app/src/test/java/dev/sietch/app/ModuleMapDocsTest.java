package dev.sietch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sietch.app.docs.Markdown;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's module map against the compiled module descriptors: each Sietch module's row has
 * exactly its exported and opened packages (with their target modules), and every type it names
 * is a public type of an exported package.
 */
final class ModuleMapDocsTest {

    private static final List<String> HEADER =
            List.of("directory", "module", "exports", "opens", "main types", "may use");

    @Test
    void everyModuleHasItsExportsOpensAndTypes() {
        List<List<String>> rows = Markdown.tables(Markdown.read("README.md")).stream()
                .filter(table -> table.header().equals(HEADER)).findFirst().orElseThrow().rows().stream()
                .filter(row -> Markdown.codeSpans(row.get(1)).getFirst().startsWith("dev.sietch."))
                .toList();

        assertThat(rows).extracting(row -> Markdown.codeSpans(row.get(1)).getFirst())
                .containsExactlyInAnyOrderElementsOf(ShippedClasses.LOCATIONS.keySet());
        for (List<String> row : rows) {
            String module = Markdown.codeSpans(row.get(1)).getFirst();
            ModuleDescriptor descriptor =
                    ModuleFinder.of(ShippedClasses.LOCATIONS.get(module)).findAll().iterator().next().descriptor();
            Map<String, Set<String>> exports = descriptor.exports().stream().collect(Collectors.toMap(
                    ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets, (a, b) -> a, TreeMap::new));
            Map<String, Set<String>> opens = descriptor.opens().stream().collect(Collectors.toMap(
                    ModuleDescriptor.Opens::source, ModuleDescriptor.Opens::targets, (a, b) -> a, TreeMap::new));

            assertThat(packages(row.get(2))).as("the exports of %s", module).isEqualTo(exports);
            assertThat(packages(row.get(3))).as("the opens of %s", module).isEqualTo(opens);
            for (String type : Markdown.codeSpans(row.get(4))) {
                if (type.matches("[A-Z]\\w*")) {
                    assertThat(exports.keySet()).as("%s is a public type exported by %s", type, module)
                            .anySatisfy(pkg -> assertThat(isPublicType(pkg + "." + type)).isTrue());
                }
            }
        }
    }

    /** {@code nothing}, or entries separated by {@code ;}: {@code `package`} optionally followed by {@code to `module`, …}. */
    private static Map<String, Set<String>> packages(String cell) {
        Map<String, Set<String>> packages = new TreeMap<>();
        if (cell.equals("nothing")) {
            return packages;
        }
        for (String entry : cell.split(";")) {
            List<String> names = Markdown.codeSpans(entry);
            packages.put(names.getFirst(), new TreeSet<>(names.subList(1, names.size())));
        }
        return packages;
    }

    private static boolean isPublicType(String name) {
        try {
            return Modifier.isPublic(Class.forName(name, false, ModuleMapDocsTest.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
