package dev.sietch.app.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's Markdown documents as the docs tests read them: tables, code spans and fenced blocks. */
public final class Markdown {

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern SNIPPET_MARK = Pattern.compile("<!-- snippet: ([\\w-]+) -->");

    private Markdown() {}

    /** A table: its header cells and its rows of cells (separator line left out, {@code \|} unescaped). */
    public record Table(List<String> header, List<List<String>> rows) {}

    /**
     * A fenced code block.
     *
     * @param name the name given by a {@code <!-- snippet: NAME -->} line just before the fence, if any
     * @param line the line of the opening fence (1-based)
     */
    public record FencedBlock(Optional<String> name, String info, String body, int line) {}

    /** The repository's root: the first directory upwards holding both {@code docs/} and {@code sietch-app/}. */
    public static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("sietch-app"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    /** A file of the repository, by its path from the root. */
    public static String read(String path) {
        try {
            return Files.readString(repository().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Table> tables(String text) {
        List<Table> tables = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!lines.get(i).startsWith("|") || !lines.get(i + 1).startsWith("|---")) {
                continue;
            }
            List<String> header = cells(lines.get(i));
            List<List<String>> rows = new ArrayList<>();
            int row = i + 2;
            for (; row < lines.size() && lines.get(row).startsWith("|"); row++) {
                rows.add(cells(lines.get(row)));
            }
            tables.add(new Table(header, rows));
            i = row - 1;
        }
        return tables;
    }

    /** The text inside each {@code `code span`} of {@code text}. */
    public static List<String> codeSpans(String text) {
        List<String> spans = new ArrayList<>();
        Matcher matcher = CODE_SPAN.matcher(text);
        while (matcher.find()) {
            spans.add(matcher.group(1));
        }
        return spans;
    }

    public static List<FencedBlock> fencedBlocks(String text) {
        List<FencedBlock> blocks = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                continue;
            }
            int open = i;
            StringBuilder body = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                body.append(lines.get(i)).append('\n');
            }
            Optional<String> name = Optional.empty();
            if (open > 0) {
                Matcher mark = SNIPPET_MARK.matcher(lines.get(open - 1).strip());
                name = mark.matches() ? Optional.of(mark.group(1)) : Optional.empty();
            }
            blocks.add(new FencedBlock(name, lines.get(open).substring(3).strip(), body.toString(), open + 1));
        }
        return blocks;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") && !inner.endsWith("\\|") ? inner.length() - 1 : inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
