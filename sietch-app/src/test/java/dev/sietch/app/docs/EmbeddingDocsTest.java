package dev.sietch.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/embedding.md shows code that compiles and runs: each of its code blocks is a region of
 * {@link EmbeddingExamplesTest}, character for character, and its module declaration requires
 * exactly the modules the examples' imports come from.
 */
final class EmbeddingDocsTest {

    private static final String DOC = Markdown.read("docs/embedding.md");
    private static final String EXAMPLES =
            Markdown.read("sietch-app/src/test/java/dev/sietch/app/docs/EmbeddingExamplesTest.java");
    private static final Pattern REGION =
            Pattern.compile("(?ms)^[ \\t]*// tag::([\\w-]+)\\[]\\n(.*?)^[ \\t]*// end::\\1\\[]\\n");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import ([\\w.]+)\\.\\w+;$");
    private static final Pattern REQUIRES = Pattern.compile("(?m)^\\s*requires ([\\w.]+);$");
    private static final String MODULE_INFO = "module-info";

    /** Packages outside java.base, by prefix, and the modules that hold them. */
    private static final Map<String, String> LIBRARY_MODULES = Map.of(
            "net.dv8tion.jda", "net.dv8tion.jda",
            "io.micrometer.core", "micrometer.core");

    @Test
    void everyCodeBlockIsARegionOfTheExamples_andEveryRegionIsShown() {
        Map<String, String> regions = regions();
        List<Markdown.FencedBlock> blocks = Markdown.fencedBlocks(DOC);

        assertThat(blocks).allSatisfy(block -> assertThat(block.name())
                .as("a snippet name before the block at line %d", block.line()).isPresent());
        assertThat(blocks.stream().map(block -> block.name().orElseThrow()))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(union(regions.keySet(), MODULE_INFO));
        for (Markdown.FencedBlock block : blocks) {
            String name = block.name().orElseThrow();
            if (!name.equals(MODULE_INFO)) {
                assertThat(block.body()).as("the block %s (line %d)", name, block.line()).isEqualTo(regions.get(name));
            }
        }
    }

    @Test
    void theModuleDeclarationRequiresTheModulesOfTheImports() {
        Set<String> needed = new TreeSet<>();
        Matcher imports = IMPORT.matcher(regions().get("imports"));
        while (imports.find()) {
            String pkg = imports.group(1);
            if (pkg.startsWith("dev.sietch.")) {
                needed.add(String.join(".", List.of(pkg.split("\\.")).subList(0, 3)));
            } else if (!pkg.startsWith("java.")) {
                needed.add(LIBRARY_MODULES.entrySet().stream().filter(e -> pkg.startsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst()
                        .orElseThrow(() -> new AssertionError("which module holds " + pkg + "?")));
            }
        }
        String declaration = Markdown.fencedBlocks(DOC).stream()
                .filter(block -> block.name().equals(Optional.of(MODULE_INFO)))
                .findFirst().orElseThrow().body();
        Set<String> required = new TreeSet<>();
        Matcher requires = REQUIRES.matcher(declaration);
        while (requires.find()) {
            required.add(requires.group(1));
        }

        assertThat(required).isEqualTo(needed);
    }

    /** Each tagged region of the examples, its lines' common indentation removed. */
    private static Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        Matcher region = REGION.matcher(EXAMPLES);
        while (region.find()) {
            regions.put(region.group(1), unindented(region.group(2)));
        }
        assertThat(regions).as("tagged regions").isNotEmpty();
        return regions;
    }

    /** The lines without the indentation they all share (blank lines left empty). */
    private static String unindented(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line.isBlank() ? "" : line.substring(indent)).append('\n'));
        return out.toString();
    }

    private static Set<String> union(Set<String> names, String name) {
        Set<String> all = new TreeSet<>(names);
        all.add(name);
        return all;
    }
}
