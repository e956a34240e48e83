package dev.sietch.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
    /** A path that climbs out of its page's directory. */
    private static final Pattern CLIMBING = Pattern.compile("(?:\\.\\./)+[\\w./-]*");

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
    void namesNoFileOutsideTheRepository(String page) throws IOException {
        Path root = Markdown.repository();
        String text = Markdown.read(page);
        Matcher climbing = CLIMBING.matcher(text);
        while (climbing.find()) {
            assertThat(root.resolve(page).getParent().resolve(climbing.group()).normalize())
                    .as("%s names %s", page, climbing.group()).startsWith(root);
        }
        List<String> documents = markdownFiles(root);
        for (String span : Markdown.codeSpans(text)) {
            if (span.endsWith(".md")) {
                assertThat(documents).as("%s names %s", page, span).anySatisfy(file -> assertThat(file).endsWith(span));
            }
        }
        assertThat(text).as("%s refers to numbered sections of a document that is not here", page).doesNotContain("\u00a7");
    }

    /** The repository's Markdown files, by their paths from the root. */
    private static List<String> markdownFiles(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName().toString();
                return name.equals("target") || name.equals("node_modules") || name.equals(".git")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.toString().endsWith(".md")) {
                    files.add(root.relativize(file).toString());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
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
