package dev.sietch.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The README and the pages of docs/: every relative link reaches a file and heading of the repository, and none leaves it. */
final class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    /** Places outside the repository that pages once pointed to. */
    private static final List<String> OUTSIDE = List.of("../shared", "shared/spec", "spec/", "spec §", "DESIGN.md",
            "STYLE.md");

    static Stream<String> pages() throws IOException {
        List<String> pages = new ArrayList<>(List.of("README.md", "deploy/README.md"));
        try (Stream<Path> docs = Files.list(Markdown.repository().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).map(p -> "docs/" + p.getFileName()).sorted()
                    .forEach(pages::add);
        }
        return pages.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyLinkReachesAFileAndHeadingOfTheRepository(String page) {
        Path root = Markdown.repository();
        Path file = root.resolve(page);
        Matcher link = LINK.matcher(Markdown.read(page));
        while (link.find()) {
            String target = link.group(1);
            if (target.matches("(?i)(https?|mailto):.*")) {
                continue;
            }
            int hash = target.indexOf('#');
            String path = hash < 0 ? target : target.substring(0, hash);
            Path linked = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
            assertThat(linked).as("%s → %s", page, target).startsWith(root).exists();
            if (hash >= 0) {
                assertThat(headings(linked)).as("%s → %s", page, target).contains(target.substring(hash + 1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void namesNoFileOutsideTheRepository(String page) {
        String text = Markdown.read(page);
        assertThat(OUTSIDE).allSatisfy(outside -> assertThat(text).as(page).doesNotContain(outside));
    }

    /** The anchors GitHub gives a page's headings. */
    private static Set<String> headings(Path page) {
        try {
            Matcher heading = HEADING.matcher(Files.readString(page));
            return heading.results().map(m -> m.group(1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-')).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
