package io.callrecords;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the manual in {@code docs/} link to each other by relative paths and heading anchors; moving a
 * section or renaming a heading breaks those links silently on GitHub. Every internal link must name a file that
 * exists and, with {@code #anchor}, a heading of that file as GitHub spells its anchor.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** {@code [text](target)} and {@code ![alt](target)}, with an optional title after the target. */
    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    @Test
    void everyInternalLinkOfTheReadmeAndTheManualResolves() throws IOException {
        List<Path> documents = documents(ROOT);
        assertThat(documents).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/operations.md"));
        List<String> dead = new ArrayList<>();
        for (Path document : documents) {
            dead.addAll(deadLinks(document));
        }
        assertThat(dead).as("dead links").isEmpty();
    }

    @Test
    void anchorsAreSpelledAsGitHubSpellsThem() {
        assertThat(slug("Intake (`./callrecords bench intake`)")).isEqualTo("intake-callrecords-bench-intake");
        assertThat(slug("Settings → Webhooks")).isEqualTo("settings--webhooks");
        assertThat(slug("Legacy view `v20211124`")).isEqualTo("legacy-view-v20211124");
        assertThat(slug("Health, metrics and logs")).isEqualTo("health-metrics-and-logs");
        assertThat(slug("Missed-call worklist (`GET /api/v3/missed-calls`)"))
                .isEqualTo("missed-call-worklist-get-apiv3missed-calls");
        assertThat(slug("snake_case and Ünïcode")).isEqualTo("snake_case-and-ünïcode");
    }

    @Test
    void aDeadFileOrAnchorIsReported(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), """
                # A
                ## Known heading
                [fine](b.md#other-heading) [fine too](#known-heading) [outside](https://example.com/x.md)
                `[not a link](nowhere.md)`
                [no file](missing.md) [no heading](b.md#nope) [no heading here](#unknown)
                ```
                [in a code block](nowhere.md)
                ```
                """);
        Files.writeString(dir.resolve("b.md"), "# B\n\n## Other heading\n");
        assertThat(deadLinks(dir.resolve("a.md"))).containsExactly(
                "a.md:5: missing.md (no such file)",
                "a.md:5: b.md#nope (no heading 'nope' in b.md)",
                "a.md:5: #unknown (no heading 'unknown' in a.md)");
    }

    private static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    private static List<String> deadLinks(Path document) throws IOException {
        List<String> dead = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> lines = Files.readAllLines(document);
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (SCHEME.matcher(target).find()) {
                    continue; // another site: not this repository's to keep
                }
                int hash = target.indexOf('#');
                String file = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path linked = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                String where = (document.startsWith(ROOT) ? ROOT.relativize(document) : document.getFileName()) + ":" + (i + 1)
                        + ": " + target;
                if (!Files.exists(linked)) {
                    dead.add(where + " (no such file)");
                } else if (anchor != null && !anchors.computeIfAbsent(linked, DocsLinksTest::anchorsOf).contains(anchor)) {
                    dead.add(where + " (no heading '" + anchor + "' in " + linked.getFileName() + ")");
                }
            }
        }
        return dead;
    }

    /** The anchors GitHub gives the headings of a Markdown file; a repeated heading gets -1, -2 ... */
    private static Set<String> anchorsOf(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        if (Files.isDirectory(file) || !file.toString().endsWith(".md")) {
            return anchors;
        }
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                Matcher heading = HEADING.matcher(line);
                if (!fenced && heading.matches()) {
                    String slug = slug(heading.group(1));
                    int n = seen.merge(slug, 1, Integer::sum) - 1;
                    anchors.add(n == 0 ? slug : slug + "-" + n);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return anchors;
    }

    /** GitHub's rule: lower case, every character but letters, digits, spaces, '-' and '_' dropped, spaces to '-'. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}_\\- ]", "")
                .replace(' ', '-');
    }
}
