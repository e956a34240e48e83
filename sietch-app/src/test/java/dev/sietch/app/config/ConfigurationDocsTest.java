package dev.sietch.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import dev.sietch.app.docs.Markdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md against what the code reads: every key of the modules' reference.conf
 * files with its default and the environment variables that set it, and every other variable the
 * code, the configuration files or the launcher read. The page names nothing else.
 */
final class ConfigurationDocsTest {

    private static final String DOC = Markdown.read("docs/configuration.md");
    private static final Pattern GETENV =
            Pattern.compile("getenv\\(\\s*\"(\\w+)\"\\s*\\)|getenv\\(\\)\\.get(?:OrDefault)?\\(\\s*\"(\\w+)\"");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{\\?(\\w+)}");
    private static final Pattern SHELL_READ = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)");
    private static final Pattern SHELL_ASSIGNMENT = Pattern.compile("(?m)^\\s*([A-Z_][A-Z0-9_]*)=");
    private static final Pattern KEY_MENTION = Pattern.compile("(?:(?<=-D)|(?<![\\w/.-]))sietch\\.[a-z][a-z0-9.-]*[a-z0-9]");
    private static final Pattern VARIABLE_MENTION = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    /** One row of the key tables. */
    private record KeyRow(String key, List<String> variables, String defaultCell) {}

    @Test
    void listsEveryKeyOnce_withTheVariablesThatSetIt_andItsDefault() {
        Config reference = ConfigLayers.reference();
        Map<String, ConfigValue> keys = new TreeMap<>();
        reference.getConfig(ConfigLayers.ROOT).entrySet()
                .forEach(entry -> keys.put(ConfigLayers.ROOT + "." + entry.getKey(), entry.getValue()));
        List<KeyRow> rows = keyRows();

        assertThat(rows).extracting(KeyRow::key).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(keys.keySet());
        for (KeyRow row : rows) {
            List<String> setBy = EnvironmentVariable.ALL.stream()
                    .filter(variable -> variable.path().equals(row.key())).map(EnvironmentVariable::name).toList();
            assertThat(row.variables()).as("the variables of %s", row.key()).containsExactlyInAnyOrderElementsOf(setBy);
            String expected = rendered(keys.get(row.key()));
            assertThat(row.defaultCell()).as("the default of %s", row.key())
                    .satisfiesAnyOf(cell -> assertThat(cell).isEqualTo(expected),
                            cell -> assertThat(cell).startsWith(expected + " ("));
        }
    }

    @Test
    void listsEveryOtherVariableTheCodeTheConfigurationOrTheLauncherReads() throws IOException {
        Set<String> keyVariables = EnvironmentVariable.ALL.stream().map(EnvironmentVariable::name)
                .collect(Collectors.toSet());
        Set<String> read = new TreeSet<>();
        for (Path source : files("src/main/java", ".java")) {
            matches(GETENV, Files.readString(source)).forEach(read::add);
        }
        for (Path conf : files("src", ".conf")) {
            matches(SUBSTITUTION, Files.readString(conf)).forEach(read::add);
        }
        String launcher = Markdown.read("sietch-app/src/dist/bin/sietch");
        Set<String> assigned = new TreeSet<>(matches(SHELL_ASSIGNMENT, launcher));
        matches(SHELL_READ, launcher).stream().filter(name -> !assigned.contains(name)).forEach(read::add);
        read.removeAll(keyVariables);

        List<String> documented = Markdown.tables(DOC).stream()
                .filter(table -> table.header().getFirst().equals("variable"))
                .flatMap(table -> table.rows().stream())
                .map(row -> single(Markdown.codeSpans(row.getFirst()), row))
                .toList();
        assertThat(documented).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(read);
    }

    @Test
    void namesNoKeyAndNoVariableThatDoesNotExist() {
        Set<String> keys = ConfigLayers.reference().getConfig(ConfigLayers.ROOT).entrySet().stream()
                .map(entry -> ConfigLayers.ROOT + "." + entry.getKey()).collect(Collectors.toSet());
        Set<String> variables = new TreeSet<>();
        EnvironmentVariable.ALL.forEach(variable -> variables.add(variable.name()));
        Markdown.tables(DOC).stream().filter(table -> table.header().getFirst().equals("variable"))
                .flatMap(table -> table.rows().stream()).forEach(row -> variables.addAll(Markdown.codeSpans(row.getFirst())));

        assertThat(matches(KEY_MENTION, DOC)).allSatisfy(key -> assertThat(keys)
                .as("%s is a key or a section", key).anySatisfy(known -> assertThat(known).satisfiesAnyOf(
                        k -> assertThat(k).isEqualTo(key), k -> assertThat(k).startsWith(key + "."))));
        assertThat(matches(VARIABLE_MENTION, DOC)).allSatisfy(name -> assertThat(variables)
                .as("%s is a variable the code reads", name).contains(name));
    }

    private static List<KeyRow> keyRows() {
        List<KeyRow> rows = new ArrayList<>();
        for (Markdown.Table table : Markdown.tables(DOC)) {
            if (!table.header().equals(List.of("key", "environment variable", "default", "meaning"))) {
                continue;
            }
            for (List<String> row : table.rows()) {
                assertThat(row).as("a row of four cells").hasSize(4);
                rows.add(new KeyRow(single(Markdown.codeSpans(row.get(0)), row), Markdown.codeSpans(row.get(1)),
                        row.get(2)));
            }
        }
        return rows;
    }

    /** The default as the tables write it: {@code none} for an empty string or list, else each value in backticks. */
    private static String rendered(ConfigValue value) {
        if (value.unwrapped() instanceof List<?> list) {
            return list.isEmpty() ? "none" : list.stream().map(entry -> "`" + entry + "`")
                    .collect(Collectors.joining(", "));
        }
        String text = String.valueOf(value.unwrapped());
        return text.isEmpty() ? "none" : "`" + text + "`";
    }

    private static String single(List<String> spans, List<String> row) {
        assertThat(spans).as("one name in the first cell of %s", row).hasSize(1);
        return spans.getFirst();
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            for (int group = matcher.groupCount() == 0 ? 0 : 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    found.add(matcher.group(group));
                }
            }
        }
        return found;
    }

    /** Files of every module under {@code under} (e.g. {@code src/main/java}) whose names end with {@code suffix}. */
    private static List<Path> files(String under, String suffix) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Markdown.repository())) {
            for (Path module : modules.filter(dir -> Files.isDirectory(dir.resolve(under))).toList()) {
                try (Stream<Path> walk = Files.walk(module.resolve(under))) {
                    walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                            .filter(p -> !p.toString().contains("/src/test/")).forEach(found::add);
                }
            }
        }
        return found;
    }
}
