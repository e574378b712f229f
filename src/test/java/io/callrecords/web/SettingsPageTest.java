package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.Browser;
import io.callrecords.support.PageClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The settings page in Chromium: business hours with a bad interval are refused by the API's rules with the message
 * next to that interval and nothing saved, then saved when fixed; a denylist entry and a closed date. Over plain
 * HTTP: a number's own hours, a post without the CSRF token, a key without the admin scope.
 */
class SettingsPageTest extends PageTestSupport {

    private static final String SETTINGS = "/api/v3/account/settings";

    @Test
    void businessHoursAreSavedOnlyWhenTheApiAcceptsThem() {
        String key = newAccount("settings-page");
        String before = settingsOf(key);
        signInAt("/settings", key);
        ChromeDriver b = browser();
        assertThat(b.getCurrentUrl()).endsWith("/settings");
        assertThat(b.findElement(By.cssSelector("p.version")).getText()).contains("Version 1");

        b.findElement(By.id("hours-scheduled")).click();
        type(b, "bh-mon-0-start", "18:00");
        type(b, "bh-mon-0-end", "08:00");
        b.findElement(By.cssSelector("button[data-rows='bh-mon-rows']")).click(); // a second interval on Monday
        type(b, "bh-mon-0-start-c1", "19:00");
        type(b, "bh-mon-0-end-c1", "20:00");
        type(b, "bh-tue-0-start", "09:00");
        type(b, "bh-tue-0-end", "17:00");
        save(b);

        WebElement monday = b.findElement(By.id("bh-mon-rows"));
        assertThat(monday.findElements(By.cssSelector("li")).get(0).findElement(By.cssSelector(".error")).getText())
                .isEqualTo("This interval ends before it starts");
        assertThat(monday.findElements(By.cssSelector("li")).get(1).findElements(By.cssSelector(".error"))).isEmpty();
        assertThat(b.findElement(By.id("bh-tue-rows")).findElements(By.cssSelector(".error"))).isEmpty();
        assertThat(b.findElement(By.cssSelector("[role=alert]")).getText()).contains("Nothing was saved");
        assertThat(value(b, "bh-mon-0-start")).isEqualTo("18:00"); // shown as typed
        assertThat(value(b, "bh-mon-1-start")).isEqualTo("19:00");
        assertThat(b.findElement(By.id("bh-mon-0-start")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.findElements(By.cssSelector("#bh-wed-rows li"))).as("one empty row, not one more per post").hasSize(1);
        assertThat(settingsOf(key)).as("a refused form saves nothing, not even its valid fields").isEqualTo(before);
        ((JavascriptExecutor) b).executeScript("arguments[0].scrollIntoView()", b.findElement(By.id("h-hours")));
        Browser.screenshot(b, "settings-errors");

        type(b, "bh-mon-0-start", "08:00");
        type(b, "bh-mon-0-end", "18:00");
        save(b);
        waitFor().until(ExpectedConditions.urlContains("saved="));
        assertThat(b.findElement(By.cssSelector("p.flash")).getText()).isEqualTo("Saved as version 2.");
        JsonNode hours = api.get(SETTINGS, key).data().path("business_hours");
        assertThat(hours.path("mon").toString()).isEqualTo("[[\"08:00\",\"18:00\"],[\"19:00\",\"20:00\"]]");
        assertThat(hours.path("tue").toString()).isEqualTo("[[\"09:00\",\"17:00\"]]");
        assertThat(hours.path("wed").toString()).isEqualTo("[]");

        b.navigate().refresh();
        assertThat(value(b, "bh-mon-0-start")).isEqualTo("08:00");
        assertThat(value(b, "bh-mon-1-end")).isEqualTo("20:00");
        assertThat(b.findElement(By.id("hours-scheduled")).isSelected()).isTrue();

        b.findElement(By.id("denylist")).sendKeys("+90850*");
        // A date input takes keys in the order of the browser's locale; the value property is the same everywhere.
        ((JavascriptExecutor) b).executeScript("arguments[0].value = '2026-10-29'", b.findElement(By.id("bh-closed-0")));
        save(b);
        waitFor().until(ExpectedConditions.urlContains("saved=3"));
        JsonNode saved = api.get(SETTINGS, key).data();
        assertThat(saved.path("denylist").toString()).isEqualTo("[\"+90850*\"]");
        assertThat(saved.path("business_hours").path("closed_dates").toString()).isEqualTo("[\"2026-10-29\"]");
        assertThat(saved.path("business_hours").path("mon").toString()).as("kept").contains("08:00");
        assertThat(saved.path("version").asInt()).isEqualTo(3);
        assertThat(value(b, "bh-closed-0")).isEqualTo("2026-10-29");
        assertThat(b.findElement(By.cssSelector("p.version")).getText()).contains("Version 3");
        wholePage(b, "settings");

        save(b); // the same values again
        waitFor().until(ExpectedConditions.urlContains("unchanged"));
        assertThat(api.get(SETTINGS, key).data().path("version").asInt()).isEqualTo(3);

        b.findElements(By.cssSelector("#bh-mon-rows .remove-row")).get(1).click(); // Monday's 19:00-20:00
        save(b);
        waitFor().until(ExpectedConditions.urlContains("saved=4"));
        assertThat(api.get(SETTINGS, key).data().path("business_hours").path("mon").toString())
                .isEqualTo("[[\"08:00\",\"18:00\"]]");
    }

    @Test
    void aNumbersOwnHoursGoThroughTheSameRules() {
        String key = newAccount("number-hours");
        PageClient page = signedIn(key);
        String before = settingsOf(key);
        Map<String, String> form = form(page);
        form.put("number.0", "717");
        form.put("number.0.fri.start", "10:00");
        form.put("number.0.fri.end", "09:00");
        form.put("short_abandon_seconds", "601");
        HttpResponse<String> refused = page.postForm("/settings", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(after(refused.body(), "id=\"n0-fri-0-end\"")).contains("This interval ends before it starts");
        assertThat(after(refused.body(), "id=\"short_abandon_seconds\"")).contains("from 0 to 600");
        assertThat(settingsOf(key)).isEqualTo(before);

        form.put("number.0.fri.start", "09:00");
        form.put("number.0.fri.end", "17:00");
        form.put("short_abandon_seconds", "5");
        form.put("number.1", "+90 850"); // a second block with hours but no usable number
        form.put("number.1.mon.start", "09:00");
        form.put("number.1.mon.end", "10:00");
        HttpResponse<String> badNumber = page.postForm("/settings", form);
        assertThat(badNumber.statusCode()).isEqualTo(422);
        assertThat(after(badNumber.body(), "id=\"number-1\"")).contains("is not a number id or an E.164 number");
        assertThat(settingsOf(key)).isEqualTo(before);

        form.put("number.1", "");
        form.remove("number.1.mon.start");
        form.remove("number.1.mon.end");
        HttpResponse<String> saved = page.postForm("/settings", form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        JsonNode settings = api.get(SETTINGS, key).data();
        assertThat(settings.path("number_business_hours").path("717").path("fri").toString()).isEqualTo("[[\"09:00\",\"17:00\"]]");
        assertThat(settings.path("number_business_hours").path("717").path("mon").toString()).isEqualTo("[]");
        assertThat(settings.path("short_abandon_seconds").asInt()).isEqualTo(5);
        assertThat(settings.path("business_hours").isNull()).as("always open").isTrue();

        Map<String, String> remove = form(page);
        assertThat(remove).containsEntry("number.0", "717");
        remove.put("number.0.remove", "yes");
        assertThat(page.postForm("/settings", remove).statusCode()).isEqualTo(302);
        assertThat(api.get(SETTINGS, key).data().path("number_business_hours").size()).isZero();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String key = newAccount("settings-csrf");
        PageClient page = signedIn(key);
        String before = settingsOf(key);
        Map<String, String> form = form(page);
        form.put("short_abandon_seconds", "9");
        form.remove("_csrf");
        assertThat(page.postForm("/settings", form).statusCode()).isEqualTo(403);
        form.put("_csrf", "forged");
        assertThat(page.postForm("/settings", form).statusCode()).isEqualTo(403);
        assertThat(settingsOf(key)).isEqualTo(before);
    }

    @Test
    void aKeyWithoutTheAdminScopeSeesTheSettingsReadOnly() {
        String admin = newAccount("settings-read-only");
        String[] reader = newKey(admin, "[\"read\", \"write\"]");
        PageClient page = signedIn(reader[1]);
        String before = settingsOf(admin);
        HttpResponse<String> shown = page.get("/settings");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("lacks the <strong>admin</strong> scope")
                .containsPattern("<fieldset class=\"plain\" disabled")
                .doesNotContain("Save settings");
        Map<String, String> form = form(page);
        form.put("short_abandon_seconds", "9");
        HttpResponse<String> refused = page.postForm("/settings", form);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("lacks the &#39;admin&#39; scope");
        assertThat(settingsOf(admin)).isEqualTo(before);
    }


    private String settingsOf(String key) {
        Api.Response read = api.get(SETTINGS, key);
        assertThat(read.status()).isEqualTo(200);
        return read.raw().body();
    }

    /** The page's form as it would be posted untouched: its text, select and checked inputs (one value each). */
    private static Map<String, String> form(PageClient page) {
        String html = page.get("/settings").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", PageClient.csrfOf(html));
        Matcher input = Pattern.compile("<input ([^>]*)>").matcher(html);
        while (input.find()) {
            String attributes = input.group(1);
            String name = attribute(attributes, "name");
            String type = attribute(attributes, "type");
            if (name == null || name.equals("_csrf") || form.containsKey(name)
                    || (("radio".equals(type) || "checkbox".equals(type)) && !attributes.contains("checked"))) {
                continue;
            }
            String value = attribute(attributes, "value");
            form.put(name, value == null ? "" : value.replace("&#39;", "'").replace("&amp;", "&"));
        }
        Matcher selected = Pattern.compile("<select id=\"(\\w+)\" name=\"(\\w+)\"[\\s\\S]*?</select>").matcher(html);
        while (selected.find()) {
            Matcher option = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(selected.group());
            form.put(selected.group(2), option.find() ? option.group(1) : "");
        }
        Matcher textarea = Pattern.compile("<textarea [^>]*name=\"(\\w+)\"[^>]*>([^<]*)</textarea>").matcher(html);
        while (textarea.find()) {
            form.put(textarea.group(1), textarea.group(2));
        }
        return form;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }

    /** The markup from {@code marker} to the end of its list item or field: where its messages are shown. */
    private static String after(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        int end = html.indexOf("</div>", at);
        int item = html.indexOf("</li>", at);
        return html.substring(at, item >= 0 && item < end ? item : end);
    }

    private static void type(ChromeDriver b, String id, String text) {
        WebElement input = b.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static String value(ChromeDriver b, String id) {
        return b.findElement(By.id(id)).getDomProperty("value");
    }

    /** A screenshot of the whole page (the window made as tall as the page for it), not only its first screen. */
    private static void wholePage(ChromeDriver b, String name) {
        Dimension size = b.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) b).executeScript("return document.documentElement.scrollHeight");
        b.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 200, 8000)));
        Browser.screenshot(b, name);
        b.manage().window().setSize(size);
    }

    private void save(ChromeDriver b) {
        clickThrough(By.cssSelector("form.settings button[type=submit]"));
    }
}
