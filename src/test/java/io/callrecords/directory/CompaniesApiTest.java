package io.callrecords.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import org.junit.jupiter.api.Test;

class CompaniesApiTest extends AppTestSupport {

    @Test
    void aCompanyIsCreatedReadChangedListedAndDeleted() {
        String key = newAccount("companies");
        Api.Response created = api.post("/api/v3/companies", key,
                "{\"name\": \"ACME\", \"phone_numbers\": [\"+90 212 555 12 12\", \"+902125551213\"]}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.data().propertyNames())
                .containsExactly("id", "name", "phone_numbers", "created_at", "updated_at");
        long id = created.data().path("id").asLong();
        assertThat(created.data().path("phone_numbers").toString()).isEqualTo("[\"+902125551212\",\"+902125551213\"]");
        assertThat(api.get("/api/v3/companies/" + id, key).data()).isEqualTo(created.data());

        Api.Response renamed = api.patch("/api/v3/companies/" + id, key, "{\"name\": \"ACME Ltd\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.data().path("name").asString()).isEqualTo("ACME Ltd");
        assertThat(renamed.data().path("phone_numbers")).isEqualTo(created.data().path("phone_numbers"));
        Api.Response renumbered = api.patch("/api/v3/companies/" + id, key, "{\"phone_numbers\": []}");
        assertThat(renumbered.data().path("phone_numbers").size()).isZero();

        api.post("/api/v3/companies", key, "{\"name\": \"Globex\", \"phone_numbers\": [\"+12015550123\"]}");
        Api.Response list = api.get("/api/v3/companies?q=acme", key);
        assertThat(list.data().size()).isEqualTo(1);
        assertThat(list.data().get(0).path("name").asString()).isEqualTo("ACME Ltd");
        assertThat(list.body().path("meta").toString()).isEqualTo("{\"count\":1,\"offset\":0,\"limit\":10}");
        assertThat(api.get("/api/v3/companies?q=201555", key).data().get(0).path("name").asString()).isEqualTo("Globex");
        assertThat(api.get("/api/v3/companies?page=2", key).body().path("errors").has("page")).isTrue();
        assertThat(api.get("/api/v3/companies?limit=101", key).status()).isEqualTo(422);

        Api.Response deleted = api.delete("/api/v3/companies/" + id, key);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("name").asString()).isEqualTo("ACME Ltd");
        assertThat(api.get("/api/v3/companies/" + id, key).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/companies", key).body().path("meta").path("count").asInt()).isEqualTo(1);
    }

    @Test
    void deletingACompanyKeepsItsContactsWithoutIt() {
        String key = newAccount("leaving");
        long company = api.post("/api/v3/companies", key, "{\"name\": \"Initech\"}").data().path("id").asLong();
        Api.Response contact = api.post("/api/v3/contacts", key, "{\"name\": \"Peter\", \"company_id\": %d}".formatted(company));
        long contactId = contact.data().path("id").asLong();

        assertThat(api.delete("/api/v3/companies/" + company, key).status()).isEqualTo(200);

        Api.Response after = api.get("/api/v3/contacts/" + contactId, key);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.data().path("company_id").isNull()).isTrue();
        assertThat(after.data().path("name").asString()).isEqualTo("Peter");
    }

    @Test
    void badCompaniesAreRejectedAndOtherAccountsCompaniesAreNotFound() {
        String a = newAccount("A");
        String b = newAccount("B");
        Api.Response bad = api.post("/api/v3/companies", a, "{\"phone_numbers\": [\"555\", \"+1 201 555 0123 ext. 5\"]}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").propertyNames()).containsExactlyInAnyOrder("name", "phone_numbers");
        assertThat(bad.body().path("errors").path("phone_numbers").size()).isEqualTo(2);

        long company = api.post("/api/v3/companies", a, "{\"name\": \"A only\"}").data().path("id").asLong();
        assertThat(api.get("/api/v3/companies/" + company, b).raw().body()).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        assertThat(api.patch("/api/v3/companies/" + company, b, "{\"name\": \"Mine\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v3/companies/" + company, b).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/companies/" + company, a).data().path("name").asString()).isEqualTo("A only");
    }

    @Test
    void theAddressBookIsInTheOpenApiDocument() {
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames()).contains("/api/v3/contacts", "/api/v3/contacts/{id}",
                "/api/v3/contacts/import", "/api/v3/companies", "/api/v3/companies/{id}", "/api/v3/companies/import");
        assertThat(docs.body().path("paths").toString()).doesNotContain("\"name\":\"caller\"");
    }
}
