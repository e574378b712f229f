package io.callrecords.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import org.junit.jupiter.api.Test;

class ContactsApiTest extends AppTestSupport {

    private static final String NOT_FOUND = "{\"errors\":{\"detail\":\"Not Found\"}}";

    @Test
    void aContactIsCreatedReadChangedAndDeleted() {
        String key = newAccount("crud");
        long company = api.post("/api/v3/companies", key, "{\"name\": \"ACME\"}").data().path("id").asLong();

        Api.Response created = api.post("/api/v3/contacts", key, """
                {"name": " Ayşe Yılmaz ", "email": "ayse@example.com", "company_id": %d,
                 "phone_numbers": ["+90 532 123 45 67", "+905321234567", "+1 (201) 555-0123"], "ignored": true}"""
                .formatted(company));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        long id = created.data().path("id").asLong();
        assertThat(created.data().propertyNames()).containsExactly(
                "id", "name", "email", "company_id", "phone_numbers", "created_at", "updated_at");
        assertThat(created.data().path("name").asString()).isEqualTo("Ayşe Yılmaz");
        assertThat(created.data().path("company_id").asLong()).isEqualTo(company);
        assertThat(created.data().path("phone_numbers").toString()).isEqualTo("[\"+905321234567\",\"+12015550123\"]");
        assertThat(created.data().path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        Api.Response read = api.get("/api/v3/contacts/" + id, key);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data()).isEqualTo(created.data());

        Api.Response changed = api.patch("/api/v3/contacts/" + id, key,
                "{\"email\": null, \"phone_numbers\": [\"+90 212 555 12 12\"]}");
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.data().path("name").asString()).isEqualTo("Ayşe Yılmaz");
        assertThat(changed.data().path("email").isNull()).isTrue();
        assertThat(changed.data().path("company_id").asLong()).isEqualTo(company);
        assertThat(changed.data().path("phone_numbers").toString()).isEqualTo("[\"+902125551212\"]");

        Api.Response unchanged = api.patch("/api/v3/contacts/" + id, key, "{}");
        assertThat(unchanged.data()).isEqualTo(changed.data());
        Api.Response leftCompany = api.patch("/api/v3/contacts/" + id, key, "{\"company_id\": null, \"name\": \"Ayşe\"}");
        assertThat(leftCompany.data().path("company_id").isNull()).isTrue();
        assertThat(leftCompany.data().path("name").asString()).isEqualTo("Ayşe");

        Api.Response deleted = api.delete("/api/v3/contacts/" + id, key);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("id").asLong()).isEqualTo(id);
        assertThat(deleted.data().path("phone_numbers").toString()).isEqualTo("[\"+902125551212\"]");
        for (Api.Response gone : new Api.Response[] {api.get("/api/v3/contacts/" + id, key),
                api.delete("/api/v3/contacts/" + id, key), api.patch("/api/v3/contacts/" + id, key, "{}"),
                api.get("/api/v3/contacts/not-a-number", key)}) {
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.raw().body()).isEqualTo(NOT_FOUND);
        }
    }

    @Test
    void theListPagesAndSearchesNamesAndNumbers() {
        String key = newAccount("list");
        for (int i = 0; i < 12; i++) {
            assertThat(api.post("/api/v3/contacts", key, "{\"name\": \"Person %02d\", \"phone_numbers\": [\"+9053212345%02d\"]}"
                    .formatted(i, i)).status()).isEqualTo(201);
        }
        api.post("/api/v3/contacts", key, "{\"name\": \"100% _real_\"}");

        Api.Response first = api.get("/api/v3/contacts", key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.data().size()).isEqualTo(10);
        assertThat(first.data().get(0).path("name").asString()).isEqualTo("Person 00");
        assertThat(first.body().path("meta").toString()).isEqualTo("{\"count\":13,\"offset\":0,\"limit\":10}");

        Api.Response last = api.get("/api/v3/contacts?limit=5&offset=10", key);
        assertThat(last.data().size()).isEqualTo(3);
        assertThat(last.data().get(0).path("name").asString()).isEqualTo("Person 10");
        assertThat(last.body().path("meta").toString()).isEqualTo("{\"count\":13,\"offset\":10,\"limit\":5}");

        assertThat(names(api.get("/api/v3/contacts?q=person%2007", key))).isEqualTo("[\"Person 07\"]");
        assertThat(names(api.get("/api/v3/contacts?q=532%20123%204511", key))).isEqualTo("[\"Person 11\"]");
        assertThat(names(api.get("/api/v3/contacts?q=%25", key))).isEqualTo("[\"100% _real_\"]");
        assertThat(names(api.get("/api/v3/contacts?q=_real", key))).isEqualTo("[\"100% _real_\"]");
        assertThat(api.get("/api/v3/contacts?q=nobody", key).body().path("meta").path("count").asInt()).isZero();
    }

    @Test
    void badListParametersAreNamed() {
        String key = newAccount("parameters");
        Api.Response response = api.get("/api/v3/contacts?limit=101&sort=name&offset=-1", key);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").path("limit").get(0).asString())
                .isEqualTo("101 is larger than inclusive maximum 100");
        assertThat(response.body().path("errors").propertyNames()).containsExactlyInAnyOrder("limit", "sort", "offset");
        assertThat(api.get("/api/v3/contacts?limit=0", key).status()).isEqualTo(422);
        assertThat(api.get("/api/v3/contacts?limit=ten", key).status()).isEqualTo(422);
        assertThat(api.get("/api/v3/contacts?limit=100", key).status()).isEqualTo(200);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        String key = newAccount("validation");
        Api.Response missingName = api.post("/api/v3/contacts", key, "{\"phone_numbers\": [\"+905321234567\"]}");
        assertThat(missingName.status()).isEqualTo(422);
        assertThat(missingName.body().path("errors").path("name").get(0).asString()).contains("is required");

        Api.Response bad = api.post("/api/v3/contacts", key, """
                {"name": "", "email": "not-an-email", "company_id": "ACME",
                 "phone_numbers": ["+90 532 abc", "101", 905321234567]}""");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").propertyNames())
                .containsExactlyInAnyOrder("name", "email", "company_id", "phone_numbers");
        assertThat(bad.body().path("errors").path("phone_numbers").toString())
                .contains("'+90 532 abc' is not a phone number")
                .contains("'101' is an extension")
                .contains("905321234567 is not a string");
        assertThat(api.get("/api/v3/contacts", key).body().path("meta").path("count").asInt()).isZero();

        Api.Response notAList = api.post("/api/v3/contacts", key, "{\"name\": \"X\", \"phone_numbers\": \"+905321234567\"}");
        assertThat(notAList.body().path("errors").path("phone_numbers").get(0).asString()).contains("must be an array");
    }

    @Test
    void nationalNumbersNeedAndUseTheAccountsDefaultRegion() {
        String key = newAccount("region");
        Api.Response withoutRegion = api.post("/api/v3/contacts", key,
                "{\"name\": \"Ali\", \"phone_numbers\": [\"0532 123 45 67\"]}");
        assertThat(withoutRegion.status()).isEqualTo(422);
        assertThat(withoutRegion.body().path("errors").path("phone_numbers").get(0).asString()).contains("default_region");

        assertThat(api.patch("/api/v3/account/settings", key, "{\"default_region\": \"TR\"}").status()).isEqualTo(200);
        Api.Response created = api.post("/api/v3/contacts", key,
                "{\"name\": \"Ali\", \"phone_numbers\": [\"0532 123 45 67\", \"(0212) 555 12 12\"]}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.data().path("phone_numbers").toString()).isEqualTo("[\"+905321234567\",\"+902125551212\"]");

        Api.Response extension = api.patch("/api/v3/contacts/" + created.data().path("id").asLong(), key,
                "{\"phone_numbers\": [\"1234\"]}");
        assertThat(extension.status()).isEqualTo(422);
        assertThat(extension.body().path("errors").path("phone_numbers").get(0).asString()).contains("is an extension");
    }

    @Test
    void anAccountReachesOnlyItsOwnContactsAndCompanies() {
        String a = newAccount("A");
        String b = newAccount("B");
        long companyOfA = api.post("/api/v3/companies", a, "{\"name\": \"A Corp\"}").data().path("id").asLong();
        long contactOfA = api.post("/api/v3/contacts", a, "{\"name\": \"Only A\", \"company_id\": %d}"
                .formatted(companyOfA)).data().path("id").asLong();

        assertThat(api.get("/api/v3/contacts/" + contactOfA, b).raw().body()).isEqualTo(NOT_FOUND);
        assertThat(api.patch("/api/v3/contacts/" + contactOfA, b, "{\"name\": \"Taken\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v3/contacts/" + contactOfA, b).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/contacts", b).body().path("meta").path("count").asInt()).isZero();

        Api.Response foreignCompany = api.post("/api/v3/contacts", b, "{\"name\": \"B\", \"company_id\": %d}"
                .formatted(companyOfA));
        assertThat(foreignCompany.status()).isEqualTo(422);
        assertThat(foreignCompany.body().path("errors").path("company_id").get(0).asString())
                .isEqualTo("company " + companyOfA + " does not exist");
        long contactOfB = api.post("/api/v3/contacts", b, "{\"name\": \"B\"}").data().path("id").asLong();
        assertThat(api.patch("/api/v3/contacts/" + contactOfB, b, "{\"company_id\": %d}".formatted(companyOfA))
                .status()).isEqualTo(422);

        assertThat(api.get("/api/v3/contacts/" + contactOfA, a).data().path("name").asString()).isEqualTo("Only A");
    }

    @Test
    void readingNeedsReadAndChangingNeedsWrite() {
        String admin = newAccount("scopes");
        String reader = newKey(admin, "[\"read\"]")[1];
        assertThat(api.get("/api/v3/contacts", reader).status()).isEqualTo(200);
        Api.Response write = api.post("/api/v3/contacts", reader, "{\"name\": \"X\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.body().path("errors").path("detail").asString()).contains("'write' scope");
    }

    private static String names(Api.Response list) {
        assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
        StringBuilder out = new StringBuilder("[");
        list.data().forEach(item -> out.append(out.length() > 1 ? "," : "").append('"')
                .append(item.path("name").asString()).append('"'));
        return out.append(']').toString();
    }
}
