package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Browser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The call log, the worklist and the dashboard in Chromium at a phone's width and at two desktop widths: nothing is
 * wider than the window, no pager shows outside the page's main part, the worklist's Dismiss buttons and the call
 * log's Callback column (at desktop widths) are shown whole.
 */
class PageLayoutTest extends PageTestSupport {

    private static final List<String> PAGES = List.of("/calls", "/missed-calls", "/dashboard");

    /**
     * The outermost elements that reach past the window's right edge (their parent's box does not, and no box around
     * them scrolls them), to name in a failure.
     */
    private static final String WIDER_THAN_THE_WINDOW = """
            const past = e => e.getBoundingClientRect().right > window.innerWidth + 0.5;
            // an absolutely placed element escapes a scrolling box that is not its containing block: count it
            const scrolled = e => { if (getComputedStyle(e).position === 'absolute') return false; for (let p = e.parentElement; p; p = p.parentElement) {
                if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
            return [...document.querySelectorAll('body *')]
                .filter(e => past(e) && !past(e.parentElement) && !scrolled(e))
                .slice(0, 8)
                .map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                    + ' ' + Math.round(e.getBoundingClientRect().right) + ' px').join(', ')""";

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String key;

    @BeforeAll
    void calls() {
        key = newAccount("layout");
        importCalls(key, List.of(
                new ImportedCall("+905321110001", now.minus(Duration.ofHours(3)), null, "abandoned"),
                new ImportedCall("+905321110002", now.minus(Duration.ofHours(2)), null, "short_abandoned"),
                new ImportedCall("+905321110003", now.minus(Duration.ofHours(1)), 7L, null)));
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1366, 1920})
    void everyPageFitsTheWindow(int width) {
        ChromeDriver b = browser();
        b.manage().window().setSize(new Dimension(width, 900));
        signInAt("/calls", key);
        for (String path : PAGES) {
            b.get(url(path));
            String page = path + " at " + width + " px";
            Browser.screenshot(b, "layout" + path.replace('/', '-') + "-" + width);
            long innerWidth = number(b, "return window.innerWidth");
            assertThat(innerWidth).as("window width of " + page).isBetween(width - 40L, (long) width);
            assertThat(number(b, "return document.documentElement.scrollWidth"))
                    .as("width of " + page + "; wider than the window: " + b.executeScript(WIDER_THAN_THE_WINDOW))
                    .isLessThanOrEqualTo(innerWidth);
            assertThat(number(b, """
                    return [...document.querySelectorAll('nav.pager, nav[aria-label=Pages]')]
                        .filter(n => !n.closest('main')).length"""))
                    .as("pagers outside main on " + page).isZero();
            assertThat(number(b, """
                    return [...document.querySelectorAll('a')]
                        .filter(a => /^(Next|First) page$/.test(a.textContent.trim()) && !a.closest('main')).length"""))
                    .as("page links outside main on " + page).isZero();
        }
        b.get(url("/missed-calls"));
        assertWhole(b, "form.dismiss button[type=submit]", 2, "Dismiss buttons at " + width + " px");
        if (width >= 1366) { // on a phone the call log's table scrolls sideways in its own box
            b.get(url("/calls"));
            assertWhole(b, "table.calls tbody tr.missed td:last-child", 2, "Callback cells at " + width + " px");
        }
    }

    /**
     * Each of the {@code count} elements is inside the window and inside every box around it that clips (a
     * scrolling container may hide part of it until scrolled), and shows its whole text.
     */
    private static void assertWhole(ChromeDriver b, String selector, int count, String what) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) b.executeScript("""
                return [...document.querySelectorAll(arguments[0])].map(e => {
                  const r = e.getBoundingClientRect();
                  let clippedBy = null;
                  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                    const s = getComputedStyle(p);
                    if (s.overflowX !== 'visible') {
                      const c = p.getBoundingClientRect();
                      if (r.left < c.left - 0.5 || r.right > c.right + 0.5) { clippedBy = p.tagName + '.' + p.className; }
                    }
                  }
                  return {text: e.textContent.trim(), left: r.left, right: r.right, innerWidth: window.innerWidth,
                          truncated: e.scrollWidth > e.clientWidth + 1, clippedBy: clippedBy};
                })""", selector);
        assertThat(found).as(what).hasSize(count);
        for (Map<String, Object> e : found) {
            assertThat(((Number) e.get("left")).doubleValue()).as(what + " " + e).isGreaterThanOrEqualTo(0);
            assertThat(((Number) e.get("right")).doubleValue()).as(what + " " + e)
                    .isLessThanOrEqualTo(((Number) e.get("innerWidth")).doubleValue());
            assertThat(e.get("clippedBy")).as(what + " " + e).isNull();
            assertThat(e.get("truncated")).as(what + " " + e).isEqualTo(false);
        }
    }

    private static long number(ChromeDriver b, String script) {
        return ((Number) b.executeScript(script)).longValue();
    }
}
