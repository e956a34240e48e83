package dev.sietch.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, for tests: every family has one HELP and one
 * TYPE line before its samples, names and labels are well-formed, values parse, no series repeats.
 * Returns the problems found (empty when the exposition is valid).
 */
final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final List<String> SUFFIXES = List.of("_bucket", "_sum", "_count", "_total", "_created", "_max");

    private PrometheusText() {}

    static List<String> problems(String text) {
        var problems = new ArrayList<String>();
        if (!text.endsWith("\n")) {
            problems.add("does not end with a newline");
        }
        Map<String, String> types = new HashMap<>();
        Set<String> helped = new HashSet<>();
        Set<String> series = new HashSet<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + ": ";
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ", 4);
                if (parts.length < 4 || !NAME.matcher(parts[2]).matches()) {
                    problems.add(where + "malformed comment: " + line);
                    continue;
                }
                if (parts[1].equals("HELP") && !helped.add(parts[2])) {
                    problems.add(where + "second HELP for " + parts[2]);
                }
                if (parts[1].equals("TYPE")) {
                    if (!TYPES.contains(parts[3])) {
                        problems.add(where + "unknown type " + parts[3]);
                    }
                    if (types.put(parts[2], parts[3]) != null) {
                        problems.add(where + "second TYPE for " + parts[2]);
                    }
                }
            } else if (line.startsWith("#") || line.isEmpty()) {
                continue;
            } else {
                Matcher sample = SAMPLE.matcher(line);
                if (!sample.matches()) {
                    problems.add(where + "malformed sample: " + line);
                    continue;
                }
                String name = sample.group(1);
                if (family(name, types) == null) {
                    problems.add(where + "sample before its TYPE: " + name);
                }
                if (sample.group(3) != null && !sample.group(3).isEmpty()) {
                    Matcher labels = LABEL.matcher(sample.group(3));
                    int end = 0;
                    while (labels.find() && labels.start() == end) {
                        end = labels.end();
                    }
                    if (end != sample.group(3).length()) {
                        problems.add(where + "malformed labels: " + line);
                    }
                }
                try {
                    String value = sample.group(4);
                    if (!(value.equals("NaN") || value.equals("+Inf") || value.equals("-Inf"))) {
                        Double.parseDouble(value);
                    }
                } catch (NumberFormatException e) {
                    problems.add(where + "value is not a number: " + line);
                }
                if (!series.add(name + "{" + (sample.group(3) == null ? "" : sample.group(3)) + "}")) {
                    problems.add(where + "repeated series: " + line);
                }
            }
        }
        return problems;
    }

    private static String family(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }
}
