package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.accounts.PasswordResetCli;
import io.callrecords.accounts.PasswordResetCommand;
import io.callrecords.accounts.Passwords;
import io.callrecords.support.Eventually;
import io.callrecords.support.PageClient;
import io.callrecords.support.TestPeople;
import io.callrecords.support.TestPeople.Person;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.callrecords.support.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People sign in as themselves (directory.md, "People who sign in"; ADR 0021): email and password, sessions that
 * follow the user row (status, deletion, role, password changes), their own password page, one-time reset links of
 * the command line, and the settings pages kept for administrators.
 */
class PeopleSignInTest extends PageTestSupport {

    private static final String REFUSED = "This email and password do not match a person who may sign in.";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/reset-password\\?token=([A-Za-z0-9_-]+))");

    @Autowired
    JdbcClient db;
    @Autowired
    Passwords passwords;
    @Autowired
    PasswordResetCli resetCli;

    private TestPeople people;
    private TestPeople.NewAccount account;
    private final AtomicLong ids = new AtomicLong(100);

    @BeforeAll
    void account() {
        people = new TestPeople(db, passwords, api);
        account = people.account("people-sign-in");
    }

    private Person person(String role) {
        return people.person(account.id(), ids.incrementAndGet(), "Ayşe Yılmaz " + ids.get(), role);
    }

    private PageClient signedIn(Person person) {
        PageClient page = new PageClient(port);
        HttpResponse<String> answer = page.signIn(person.email(), person.password());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return page;
    }

    private static boolean signedIn(PageClient page) {
        return page.get("/calls").statusCode() == 200;
    }

    @Test
    void aPersonSignsInWithEmailAndPasswordAndTheHeaderNamesThem() {
        Person supervisor = person("supervisor");
        PageClient page = new PageClient(port);
        HttpResponse<String> answer = page.signIn(supervisor.email().toUpperCase(), supervisor.password());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/");
        assertThat(answer.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("callrecords_session=")
                && c.contains("HttpOnly") && c.contains("SameSite=Lax"));

        String calls = page.get("/calls").body();
        assertThat(calls).contains(supervisor.name()).contains(">supervisor<");
        assertThat(calls).doesNotContain(supervisor.password());
    }

    @Test
    void aPersonSignsInInTheBrowserAndChangesTheirPassword() {
        Person supervisor = person("supervisor");
        ChromeDriver b = browser();
        b.manage().deleteAllCookies();
        b.get(url("/calls"));
        assertThat(b.getCurrentUrl()).contains("/sign-in");
        b.findElement(By.id("email")).sendKeys(supervisor.email());
        b.findElement(By.id("password")).sendKeys("not the password");
        clickThrough(By.id("sign-in-with-password"));
        assertThat(waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error"))).getText())
                .contains(REFUSED);
        assertThat(b.findElement(By.id("email")).getAttribute("value")).as("the email stays typed")
                .isEqualTo(supervisor.email());

        b.findElement(By.id("password")).sendKeys(supervisor.password());
        clickThrough(By.id("sign-in-with-password"));
        assertThat(b.getCurrentUrl()).endsWith("/calls");
        assertThat(b.findElement(By.id("signed-in-as")).getText()).isEqualTo(supervisor.name());
        assertThat(b.findElement(By.id("signed-in-role")).getText()).isEqualTo("supervisor");
        assertThat(b.findElements(By.linkText("Settings"))).isEmpty();
        Browser.screenshot(b, "signed-in-person");

        clickThrough(By.id("signed-in-as"));
        String chosen = "changed in the browser 5";
        b.findElement(By.id("current_password")).sendKeys(supervisor.password());
        b.findElement(By.id("new_password")).sendKeys(chosen);
        b.findElement(By.id("repeat_password")).sendKeys(chosen);
        clickThrough(By.cssSelector("#change-password button[type=submit]"));
        assertThat(b.findElement(By.cssSelector("p.flash")).getText()).contains("Your password is changed.");
        b.get(url("/calls"));
        assertThat(b.getCurrentUrl()).as("still signed in here").endsWith("/calls");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        Person agent = person("agent");
        HttpResponse<String> wrong = new PageClient(port).signIn(agent.email(), agent.password() + "x");
        HttpResponse<String> unknown = new PageClient(port).signIn("nobody-" + agent.email(), agent.password());
        for (HttpResponse<String> answer : List.of(wrong, unknown)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).contains(REFUSED);
            assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("callrecords_session="));
        }
        assertThat(new PageClient(port).signIn(agent.email(), "").statusCode()).isEqualTo(422);
    }

    @Test
    void anUnknownEmailCostsABcryptCheckLikeAWrongPassword() {
        Person agent = person("agent");
        timed(agent.email(), "warming up");
        timed("nobody-" + agent.email(), "warming up");
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            known.add(timed(agent.email(), "wrong password " + i));
            unknown.add(timed("nobody-" + i + "-" + agent.email(), "wrong password " + i));
        }
        // A wrong password at its fastest is one bcrypt check (a busy machine only makes a request slower); a sign-in
        // that skipped the check for an unknown email would answer in a few milliseconds.
        long bcrypt = known.stream().min(Long::compare).orElseThrow();
        assertThat(median(unknown)).as("unknown emails %s, wrong passwords %s", unknown, known)
                .isGreaterThan(bcrypt / 2);
    }

    private long timed(String email, String password) {
        PageClient page = new PageClient(port);
        String csrf = PageClient.csrfOf(page.get("/sign-in").body());
        long start = System.nanoTime();
        int status = page.postForm("/sign-in", Map.of("email", email, "password", password, "_csrf", csrf)).statusCode();
        long took = System.nanoTime() - start;
        assertThat(status).isEqualTo(401);
        return took;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    @Test
    void anInactiveOrDeletedUserOrOneWithoutAPasswordIsRefused() {
        Person inactive = person("admin");
        people.update(inactive, "status = 'inactive'");
        Person deleted = person("admin");
        people.update(deleted, "deleted_at = now()");
        Person noPassword = person("admin");
        people.update(noPassword, "password_hash = NULL");
        for (Person person : List.of(inactive, deleted, noPassword)) {
            HttpResponse<String> answer = new PageClient(port).signIn(person.email(), person.password());
            assertThat(answer.statusCode()).as(person.toString()).isEqualTo(401);
            assertThat(answer.body()).contains(REFUSED);
        }
    }

    @Test
    void aSessionEndsWhenItsUserIsMadeInactiveOrDeleted() {
        Person madeInactive = person("supervisor");
        Person deleted = person("supervisor");
        PageClient first = signedIn(madeInactive);
        PageClient second = signedIn(deleted);
        assertThat(signedIn(first)).isTrue();
        assertThat(signedIn(second)).isTrue();
        people.update(madeInactive, "status = 'inactive'");
        people.update(deleted, "deleted_at = now()");
        // made in the database, not through the app: it reaches the node's kept sessions by NOTIFY within a second
        Eventually.within(Duration.ofSeconds(1), "the user changes ending their sessions",
                () -> !signedIn(first) && !signedIn(second));
        for (PageClient page : List.of(first, second)) {
            HttpResponse<String> answer = page.get("/calls");
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).contains("/sign-in?next=");
        }
    }

    @Test
    void aPasswordChangedElsewhereEndsEverySessionOpenedBefore() {
        Person person = person("agent");
        PageClient laptop = signedIn(person);
        PageClient phone = signedIn(person);
        // as the users API or a reset sets it
        people.update(person, "password_hash = '" + people.hash("another password 123") + "', password_changed_at = now()");
        Eventually.within(Duration.ofSeconds(1), "the password change ending the sessions",
                () -> !signedIn(laptop) && !signedIn(phone));
        assertThat(new PageClient(port).signIn(person.email(), person.password()).statusCode()).isEqualTo(401);
        assertThat(new PageClient(port).signIn(person.email(), "another password 123").statusCode()).isEqualTo(302);
    }

    @Test
    void aSessionActsWithTheUsersCurrentRole() {
        Person person = person("agent");
        PageClient page = signedIn(person);
        assertThat(page.get("/settings").statusCode()).isEqualTo(403);
        people.update(person, "role = 'admin'");
        Eventually.within(Duration.ofSeconds(1), "the new role taking effect",
                () -> page.get("/settings").statusCode() == 200);
        assertThat(page.get("/calls").body()).contains(">admin<");
    }

    @Test
    void theSettingsPagesAreForAdministratorsOnly() {
        Person admin = person("admin");
        PageClient adminPage = signedIn(admin);
        List<String> pages = List.of("/settings", "/settings/api-keys", "/settings/webhooks",
                "/settings/webhooks/1", "/settings/webhooks/1/edit", "/settings/api-keys/1/revoke");
        assertThat(adminPage.get("/settings").statusCode()).isEqualTo(200);
        assertThat(adminPage.get("/settings/api-keys").statusCode()).isEqualTo(200);
        assertThat(adminPage.get("/settings/webhooks").statusCode()).isEqualTo(200);
        assertThat(adminPage.get("/calls").body()).contains("href=\"/settings\"");

        for (String role : List.of("supervisor", "agent")) {
            PageClient page = signedIn(person(role));
            for (String path : pages) {
                HttpResponse<String> answer = page.get(path);
                assertThat(answer.statusCode()).as(role + " " + path).isEqualTo(403);
                assertThat(answer.body()).as(path).contains("The settings are for the account&#39;s administrators;"
                        + " your role (" + role + ") does not open them.").contains("<h1>");
            }
            HttpResponse<String> save = page.submit("/calls", "/settings", Map.of("timezone", "UTC"));
            assertThat(save.statusCode()).as(role + " saving the settings").isEqualTo(403);
            HttpResponse<String> newKey = page.submit("/calls", "/settings/api-keys", Map.of("name", "mine"));
            assertThat(newKey.statusCode()).as(role + " making a key").isEqualTo(403);
            assertThat(page.get("/calls").body()).as(role).doesNotContain("href=\"/settings\"");
        }
    }

    @Test
    void aKeySessionStillSignsInAndTheHeaderNamesTheKey() {
        PageClient page = signedIn(account.key());
        String calls = page.get("/calls").body();
        assertThat(calls).contains("API key").contains("href=\"/settings\"");
        assertThat(page.get("/settings").statusCode()).isEqualTo(200);
        assertThat(page.get("/account/password").statusCode()).isEqualTo(403);
    }

    @Test
    void changingOnesPasswordEndsEveryOtherSessionButKeepsThisOne() {
        Person person = person("supervisor");
        PageClient here = signedIn(person);
        PageClient elsewhere = signedIn(person);
        String chosen = "a new and long one 42";

        HttpResponse<String> wrongCurrent = here.submit("/account/password", "/account/password", Map.of(
                "current_password", "not it at all", "new_password", chosen, "repeat_password", chosen));
        assertThat(wrongCurrent.statusCode()).isEqualTo(422);
        assertThat(wrongCurrent.body()).contains("The current password is not your current password.");
        HttpResponse<String> weak = here.submit("/account/password", "/account/password", Map.of(
                "current_password", person.password(), "new_password", "short", "repeat_password", "short"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("The new password must be at least 12 characters long.");
        HttpResponse<String> mistyped = here.submit("/account/password", "/account/password", Map.of(
                "current_password", person.password(), "new_password", chosen, "repeat_password", chosen + "!"));
        assertThat(mistyped.statusCode()).isEqualTo(422);
        assertThat(signedIn(elsewhere)).as("nothing changed yet").isTrue();

        HttpResponse<String> changed = here.submit("/account/password", "/account/password", Map.of(
                "current_password", person.password(), "new_password", chosen, "repeat_password", chosen));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        assertThat(signedIn(here)).as("the session it was changed in").isTrue();
        assertThat(here.get("/account/password?done=changed").body()).contains("Your password is changed.");
        assertThat(signedIn(elsewhere)).as("another session").isFalse();
        assertThat(new PageClient(port).signIn(person.email(), person.password()).statusCode()).isEqualTo(401);
        assertThat(new PageClient(port).signIn(person.email(), chosen).statusCode()).isEqualTo(302);
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfThatPersonOnly() {
        Person person = person("agent");
        Person colleague = person("agent");
        PageClient here = signedIn(person);
        PageClient elsewhere = signedIn(person);
        PageClient other = signedIn(colleague);
        HttpResponse<String> answer = here.submit("/account/password", "/account/sign-out-everywhere", Map.of());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).contains("/sign-in");
        assertThat(signedIn(here)).isFalse();
        assertThat(signedIn(elsewhere)).isFalse();
        assertThat(signedIn(other)).isTrue();
    }

    @Test
    void aResetLinkSetsThePasswordOnceAndEndsTheSessions() {
        Person person = person("admin");
        PageClient before = signedIn(person);
        Matcher link = reset(String.valueOf(account.id()), person.email().toLowerCase());
        assertThat(link.group(1)).startsWith("http://localhost:" + port + "/reset-password?token=");
        String token = link.group(2);
        assertThat(db.sql("SELECT count(*) FROM password_resets WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
                .param("t", token).query(Long.class).single()).as("only the token's SHA-256 is kept").isEqualTo(1);

        PageClient browser = new PageClient(port);
        HttpResponse<String> form = browser.get("/reset-password?token=" + token);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(person.name());
        HttpResponse<String> weak = browser.postForm("/reset-password", Map.of("token", token,
                "_csrf", PageClient.csrfOf(form.body()), "new_password", "password123456", "repeat_password", "password123456"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("The new password is too easy to guess");

        String chosen = "set through the link 7";
        HttpResponse<String> set = browser.postForm("/reset-password", Map.of("token", token,
                "_csrf", PageClient.csrfOf(weak.body()), "new_password", chosen, "repeat_password", chosen));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElse("")).endsWith("/sign-in?notice=password-set");
        assertThat(browser.get("/sign-in?notice=password-set").body()).contains("Your new password is set");
        assertThat(signedIn(before)).as("a session opened before the reset").isFalse();
        assertThat(new PageClient(port).signIn(person.email(), chosen).statusCode()).isEqualTo(302);

        HttpResponse<String> again = browser.get("/reset-password?token=" + token);
        assertThat(again.statusCode()).as("a link works once").isEqualTo(404);
        assertThat(again.body()).contains("This link does not work");
        HttpResponse<String> reused = browser.postForm("/reset-password", Map.of("token", token,
                "_csrf", "x", "new_password", "yet another one 99", "repeat_password", "yet another one 99"));
        assertThat(reused.statusCode()).isEqualTo(404);
        assertThat(new PageClient(port).signIn(person.email(), "yet another one 99").statusCode()).isEqualTo(401);
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        Person person = person("agent");
        String token = reset("people-sign-in", person.email()).group(2);
        assertThat(db.sql("SELECT expires_at - created_at FROM password_resets WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
                .param("t", token).query(String.class).single()).isEqualTo("01:00:00");
        db.sql("UPDATE password_resets SET expires_at = now() - interval '1 second', created_at = now() - interval '61 minutes'"
                + " WHERE token_hash = sha256(convert_to(:t, 'UTF8'))").param("t", token).update();
        assertThat(new PageClient(port).get("/reset-password?token=" + token).statusCode()).isEqualTo(404);
    }

    @Test
    void theResetCommandSaysWhyItMakesNoLink() {
        Person inactive = person("agent");
        people.update(inactive, "status = 'inactive'");
        assertThat(resetFails(String.valueOf(account.id()), "nobody@example.com")).contains("No user of this account");
        assertThat(resetFails(String.valueOf(account.id()), inactive.email())).contains("is inactive");
        assertThat(resetFails("no such account", inactive.email())).contains("No account 'no such account'");
    }

    private Matcher reset(String accountName, String email) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = resetCli.run(PasswordResetCommand.parse(new String[] {"--account", accountName, "--email", email}),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Matcher link = LINK.matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(link.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        return link;
    }

    private String resetFails(String accountName, String email) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = resetCli.run(PasswordResetCommand.parse(new String[] {"--account", accountName, "--email", email}),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isNotZero();
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theNewFormsAnswerOddInputWithoutFailing() {
        Person person = person("supervisor");
        PageClient page = signedIn(person);
        List<String> values = List.of("", " ", "\u0000", "%", "'; --", "é".repeat(100), "x".repeat(5000), "\uD83D\uDE00");
        for (String value : values) {
            String shown = value.length() > 20 ? value.substring(0, 20) + "..." : value;
            assertThat(new PageClient(port).signIn(value, value).statusCode()).as("sign-in " + shown).isLessThan(500);
            assertThat(page.get("/reset-password?token=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8))
                    .statusCode()).as("reset link " + shown).isBetween(400, 499);
            assertThat(page.postForm("/reset-password", Map.of("token", value, "new_password", value,
                    "repeat_password", value, "_csrf", value)).statusCode()).as("reset " + shown).isBetween(400, 499);
            assertThat(page.submit("/account/password", "/account/password", Map.of("current_password", value,
                    "new_password", value, "repeat_password", value)).statusCode()).as("change " + shown).isBetween(400, 499);
        }
        assertThat(signedIn(page)).isTrue();
    }

    @Test
    void tooManyWrongPasswordsForOneEmailLockItAndSayUntilWhen() {
        Person person = person("agent");
        for (int i = 0; i < 10; i++) {
            assertThat(new PageClient(port).signIn(person.email(), "wrong " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = new PageClient(port).signIn(person.email(), person.password());
        assertThat(locked.statusCode()).as("the right password waits too").isEqualTo(429);
        long wait = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wait).isBetween(200L, 300L);
        assertThat(locked.body()).contains("Too many failed sign-ins from your address or for this email. Try again in "
                + wait + " seconds");
        // An unknown email locks the same way: the lock tells nothing about who signs in here.
        String unknown = "nobody-" + person.email();
        for (int i = 0; i < 10; i++) {
            new PageClient(port).signIn(unknown, "wrong " + i);
        }
        assertThat(new PageClient(port).signIn(unknown, "wrong").statusCode()).isEqualTo(429);
        assertThat(signedIn(person("agent")).get("/calls").statusCode()).as("other people").isEqualTo(200);
    }
}
