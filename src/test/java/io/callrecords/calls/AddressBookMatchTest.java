package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** §3.9 through the real address book: contacts and companies created with the API match calls by number. */
class AddressBookMatchTest extends AppTestSupport {

    @Test
    void callsAreMatchedToContactsThenCompanies() {
        String key = newAccount("address-book");
        long company = api.post("/api/v3/companies", key, "{\"name\": \"ACME\", \"phone_numbers\": [\"+902161112233\"]}")
                .data().path("id").asLong();
        long contact = api.post("/api/v3/contacts", key,
                "{\"name\": \"Ayşe\", \"company_id\": %d, \"phone_numbers\": [\"+905321234567\"]}".formatted(company))
                .data().path("id").asLong();
        long other = api.post("/api/v3/contacts", key, "{\"name\": \"Mehmet\", \"phone_numbers\": [\"+905550000000\"]}")
                .data().path("id").asLong();

        JsonNode byContact = call(key, FlowJson.call("2026-04-01T10:00:00Z").inbound("+905321234567").at(9_000).hangup("contact"));
        assertThat(byContact.path("contact_id").asLong()).isEqualTo(contact);
        assertThat(byContact.path("company_id").asLong()).isEqualTo(company);
        assertThat(byContact.path("related_type").asString()).isEqualTo("contact");
        assertThat(byContact.path("related_id").asLong()).isEqualTo(contact);
        assertThat(byContact.path("caller_id").asLong()).isEqualTo(contact);

        JsonNode byCompany = call(key, FlowJson.call("2026-04-01T11:00:00Z").outbound(3, "+902161112233").at(9_000).hangup("user"));
        assertThat(byCompany.path("contact_id").isNull()).isTrue();
        assertThat(byCompany.path("company_id").asLong()).isEqualTo(company);
        assertThat(byCompany.path("related_type").asString()).isEqualTo("company");
        assertThat(byCompany.path("callee_id").isNull()).isTrue();

        FlowJson named = FlowJson.call("2026-04-01T12:00:00Z").event("init", """
                {"caller": {"number": "+905321234567", "type": "contact"},
                 "callee": {"number": "101", "type": "user", "id": 4}, "contact_id": %d}""".formatted(other))
                .at(9_000).hangup("contact");
        JsonNode byInit = call(key, named);
        assertThat(byInit.path("contact_id").asLong()).as("init.contact_id wins").isEqualTo(other);
        assertThat(byInit.path("company_id").isNull()).isTrue();

        JsonNode unknown = call(key, FlowJson.call("2026-04-01T13:00:00Z").inbound("+905559999999").at(9_000).hangup("contact"));
        assertThat(unknown.path("related_type").isNull()).isTrue();
        assertThat(unknown.path("caller_id").isNull()).isTrue();
    }

    private JsonNode call(String key, FlowJson call) {
        Api.Response accepted = api.post("/api/v3/call-events", key, call.array());
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        return api.get("/api/v3/calls/" + call.uuid(), key).data();
    }
}
