package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.PageClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/**
 * Every sentence of the call detail is true of the record (call-records.md): the contact and company are named from
 * the address book, a call a user took by a bridge alone was picked up, a caller who reached a voicemail box did not
 * hang up while waiting, and a call in progress is neither "not missed" nor "never" in conversation.
 */
class CallDetailTruthPageTest extends PageTestSupport {

    private static final Instant START = Instant.parse("2026-04-08T08:00:00Z");
    private static final String CONTACT_NUMBER = "+905326660001";

    private String key;
    private long contact;

    @BeforeAll
    void account() {
        key = newAccount("detail-truth");
        long company = api.post("/api/v3/companies", key, "{\"name\": \"Kara Lojistik\"}").data().path("id").asLong();
        contact = api.post("/api/v3/contacts", key, "{\"name\": \"Elif Kara\", \"company_id\": %d, \"phone_numbers\": [\"%s\"]}"
                .formatted(company, CONTACT_NUMBER)).data().path("id").asLong();
        assertThat(contact).isPositive();
    }

    @Test
    void theContactAndCompanyAreNamedFromTheAddressBookAndABridgedCallWasPickedUp() {
        String call = sendCall(key, START, List.of(
                event("init", 0, parties(CONTACT_NUMBER, "+908502010000", "team", 3)),
                event("route", 1, "{\"type\": \"team\", \"id\": 3}"),
                event("bridge_attempt", 3, "{\"type\": \"user\", \"id\": 7}"),
                event("bridge", 8, "{\"type\": \"user\", \"id\": 7}"),
                event("hangup", 70, "{\"hangup_by\": \"user\"}")));
        String page = page(call);
        assertThat(fact(page, "Contact")).isEqualTo("Elif Kara");
        assertThat(fact(page, "Company")).isEqualTo("Kara Lojistik");
        assertThat(fact(page, "Caller")).isEqualTo(CONTACT_NUMBER + ", Elif Kara");
        assertThat(fact(page, "Related to")).isEqualTo("the contact Elif Kara");
        assertThat(page).doesNotContain("not in the address book").doesNotContain("contact " + contact)
                .contains("Call started: " + CONTACT_NUMBER + " (Elif Kara) called +908502010000 (team 3)");
        String conversation = fact(page, "In conversation with a user");
        assertThat(conversation).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:08");
        assertThat(fact(page, "Picked up (by an IVR, a voicemail or a user)")).isEqualTo(conversation + " (by a user)");
    }

    @Test
    void aCallerWhoReachedAVoicemailBoxDidNotHangUpWhileWaiting() {
        String call = sendCall(key, START.plusSeconds(3600), List.of(
                event("init", 0, parties("+905326660002", "+908502010000", "team", 3)),
                event("route", 1, "{\"type\": \"voicemail\", \"id\": 5}"),
                event("answer", 2, "{\"type\": \"voicemail\", \"id\": 5}"),
                event("voicemail", 2, "{\"type\": \"account\", \"id\": 5}"),
                event("hangup", 40, "{\"hangup_by\": \"contact\"}")));
        String page = page(call);
        assertThat(fact(page, "Missed")).isEqualTo("yes: no user answered; the caller reached a voicemail box");
        assertThat(page).doesNotContain("hung up while waiting");
        assertThat(fact(page, "Contact")).isEqualTo("not in the address book");
    }

    @Test
    void aCallInProgressIsNotYetDecided() {
        String call = sendCall(key, START.plusSeconds(7200), List.of(
                event("init", 0, parties(CONTACT_NUMBER, "+908502010000", "team", 3)),
                event("route", 1, "{\"type\": \"team\", \"id\": 3}"),
                event("bridge_attempt", 3, "{\"type\": \"user\", \"id\": 7}")));
        String page = page(call);
        assertThat(page).contains("The call is in progress").doesNotContain("Not a missed call");
        assertThat(fact(page, "Missed")).isEqualTo("not decided yet: the call is in progress");
        assertThat(fact(page, "In conversation with a user")).isEqualTo("not yet (the call is in progress)");
        assertThat(fact(page, "Picked up (by an IVR, a voicemail or a user)")).isEqualTo("not yet (the call is in progress)");
        assertThat(page).doesNotContain("<dd>never</dd>");
    }

    private String page(String call) {
        PageClient client = signedIn(key);
        HttpResponse<String> answer = client.get("/calls/" + call);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** The value of a fact of the page, unescaped. */
    private static String fact(String page, String label) {
        Matcher m = Pattern.compile("<dt>" + Pattern.quote(HtmlUtils.htmlEscape(label)) + "</dt>\\s*<dd>([^<]*)</dd>")
                .matcher(page);
        assertThat(m.find()).as(label + " in " + page).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    private static String parties(String caller, String callee, String calleeType, int calleeId) {
        return "{\"caller\": {\"number\": \"%s\", \"type\": \"contact\"}, \"callee\": {\"number\": \"%s\", \"type\": \"%s\", \"id\": %d}}"
                .formatted(caller, callee, calleeType, calleeId);
    }
}
