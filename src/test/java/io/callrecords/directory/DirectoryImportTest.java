package io.callrecords.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DirectoryImportTest extends AppTestSupport {

    @Test
    void aJsonArrayOfContactsIsImported() {
        String key = newAccount("json");
        long company = api.post("/api/v3/companies", key, "{\"name\": \"ACME\"}").data().path("id").asLong();
        Api.Response imported = api.post("/api/v3/contacts/import", key, """
                [{"name": "Ayşe", "phone_numbers": ["+905321234567"], "company_id": %d},
                 {"name": "Ali", "email": "ali@example.com"},
                 {"name": "Veli", "phone_numbers": ["+905321234568", "+905321234569"]}]""".formatted(company));
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        assertThat(imported.raw().body()).isEqualTo("{\"data\":{\"imported\":3}}");

        JsonNode contacts = api.get("/api/v3/contacts", key).data();
        assertThat(contacts.size()).isEqualTo(3);
        assertThat(contacts.get(0).path("company_id").asLong()).isEqualTo(company);
        assertThat(contacts.get(1).path("email").asString()).isEqualTo("ali@example.com");
        assertThat(contacts.get(2).path("phone_numbers").toString()).isEqualTo("[\"+905321234568\",\"+905321234569\"]");
    }

    @Test
    void oneBadRowImportsNothingAndEveryBadRowIsNamed() {
        String a = newAccount("A");
        String b = newAccount("B");
        long companyOfB = api.post("/api/v3/companies", b, "{\"name\": \"B Corp\"}").data().path("id").asLong();
        Api.Response rejected = api.post("/api/v3/contacts/import", a, """
                [{"name": "Fine", "phone_numbers": ["+905321234567"]},
                 {"phone_numbers": ["+905321234568"]},
                 "not an object",
                 {"name": "Bad number", "phone_numbers": ["+90 532"]},
                 {"name": "Foreign company", "company_id": %d}]""".formatted(companyOfB));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().path("errors").propertyNames()).containsExactlyInAnyOrder(
                "rows[1].name", "rows[2]", "rows[3].phone_numbers", "rows[4].company_id");
        assertThat(api.get("/api/v3/contacts", a).body().path("meta").path("count").asInt()).isZero();

        Api.Response notAnArray = api.post("/api/v3/contacts/import", a, "{\"name\": \"X\"}");
        assertThat(notAnArray.status()).isEqualTo(422);
        assertThat(notAnArray.body().path("errors").has("rows")).isTrue();
    }

    @Test
    void csvWithQuotedFieldsIsImported() {
        String key = newAccount("csv");
        api.patch("/api/v3/account/settings", key, "{\"default_region\": \"TR\"}");
        long company = api.post("/api/v3/companies", key, "{\"name\": \"ACME\"}").data().path("id").asLong();
        String csv = "name,phone_numbers,email,company_id\r\n"
                + "\"Yılmaz, Ayşe\",\"+905321234567; 0532 765 43 21\",ayse@example.com," + company + "\r\n"
                + "\"Ali \"\"the boss\"\" Kaya\",0212 555 12 12,,\r\n"
                + "\r\n"
                + "\"Veli\nKaya\",,,\n";
        Api.Response imported = csv("/api/v3/contacts/import", key, csv);
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        assertThat(imported.data().path("imported").asInt()).isEqualTo(3);

        JsonNode contacts = api.get("/api/v3/contacts", key).data();
        assertThat(contacts.get(0).path("name").asString()).isEqualTo("Yılmaz, Ayşe");
        assertThat(contacts.get(0).path("phone_numbers").toString()).isEqualTo("[\"+905321234567\",\"+905327654321\"]");
        assertThat(contacts.get(0).path("email").asString()).isEqualTo("ayse@example.com");
        assertThat(contacts.get(0).path("company_id").asLong()).isEqualTo(company);
        assertThat(contacts.get(1).path("name").asString()).isEqualTo("Ali \"the boss\" Kaya");
        assertThat(contacts.get(1).path("phone_numbers").toString()).isEqualTo("[\"+902125551212\"]");
        assertThat(contacts.get(1).path("email").isNull()).isTrue();
        assertThat(contacts.get(1).path("company_id").isNull()).isTrue();
        assertThat(contacts.get(2).path("name").asString()).isEqualTo("Veli\nKaya");
        assertThat(contacts.get(2).path("phone_numbers").size()).isZero();
    }

    @Test
    void aBadCsvRowIsReportedByItsIndexAndNothingIsImported() {
        String key = newAccount("csv-bad");
        String csv = """
                name,phone_numbers
                "Good, Inc.",+902125551212
                Too,many,fields
                Bad number,+902125551212;+90 212
                """;
        Api.Response rejected = csv("/api/v3/contacts/import", key, csv);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().path("errors").propertyNames())
                .containsExactlyInAnyOrder("rows[1]", "rows[2].phone_numbers");
        assertThat(rejected.body().path("errors").path("rows[1]").get(0).asString())
                .isEqualTo("has 3 fields; the header has 2");
        assertThat(rejected.body().path("errors").path("rows[2].phone_numbers").get(0).asString()).contains("'+90 212'");
        assertThat(api.get("/api/v3/contacts", key).body().path("meta").path("count").asInt()).isZero();

        Api.Response badHeader = csv("/api/v3/contacts/import", key, "fullname,phone\nAli,+902125551212\n");
        assertThat(badHeader.status()).isEqualTo(422);
        assertThat(badHeader.body().path("errors").path("header").toString())
                .contains("'fullname' is not a column").contains("has no 'name' column");
        Api.Response unclosed = csv("/api/v3/contacts/import", key, "name\nAli\n\"Veli\n");
        assertThat(unclosed.body().path("errors").path("rows[1]").get(0).asString()).contains("never closed");
        assertThat(csv("/api/v3/contacts/import", key, "").body().path("errors").has("header")).isTrue();
    }

    @Test
    void companiesAreImportedFromCsvAndJson() {
        String key = newAccount("companies");
        Api.Response fromCsv = csv("/api/v3/companies/import", key,
                "name,phone_numbers\n\"ACME, Ltd.\",+902125551212;+902125551213\nGlobex,\n");
        assertThat(fromCsv.status()).as(fromCsv.raw().body()).isEqualTo(200);
        assertThat(fromCsv.data().path("imported").asInt()).isEqualTo(2);
        Api.Response fromJson = api.post("/api/v3/companies/import", key, "[{\"name\": \"Initech\"}]");
        assertThat(fromJson.data().path("imported").asInt()).isEqualTo(1);

        JsonNode companies = api.get("/api/v3/companies", key).data();
        assertThat(companies.size()).isEqualTo(3);
        assertThat(companies.get(0).path("name").asString()).isEqualTo("ACME, Ltd.");
        assertThat(companies.get(0).path("phone_numbers").size()).isEqualTo(2);

        Api.Response contactColumns = csv("/api/v3/companies/import", key, "name,email\nX,x@example.com\n");
        assertThat(contactColumns.status()).isEqualTo(422);
        assertThat(contactColumns.body().path("errors").path("header").get(0).asString()).contains("'email' is not a column");
    }

    @Test
    void anImportTakesAtMostTenThousandRows() {
        String key = newAccount("limit");
        StringBuilder csv = new StringBuilder("name,phone_numbers\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("Contact ").append(i).append(",+9053212").append(String.format("%05d", i)).append('\n');
        }
        Api.Response full = csv("/api/v3/contacts/import", key, csv.toString());
        assertThat(full.status()).as(full.raw().body()).isEqualTo(200);
        assertThat(full.data().path("imported").asInt()).isEqualTo(10_000);
        assertThat(api.get("/api/v3/contacts?q=5321209999", key).data().get(0).path("name").asString())
                .isEqualTo("Contact 9999");

        Api.Response tooMany = csv("/api/v3/contacts/import", key, csv.append("One more,\n").toString());
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body().path("errors").path("rows").get(0).asString()).contains("at most 10000");
        assertThat(api.get("/api/v3/contacts", key).body().path("meta").path("count").asInt()).isEqualTo(10_000);
    }

    private Api.Response csv(String path, String key, String body) {
        return api.send(api.request(path, key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
