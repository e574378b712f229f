package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import org.junit.jupiter.api.Test;

class AccountIsolationTest extends AppTestSupport {

    @Test
    void anAccountSeesAndChangesOnlyItsOwnData() {
        String a = newAccount("A");
        String b = newAccount("B");
        String[] keyOfA = newKey(a, "[\"read\"]");

        assertThat(api.patch("/api/v3/account/settings", a, "{\"timezone\": \"Europe/Istanbul\"}").status()).isEqualTo(200);
        assertThat(api.patch("/api/v3/account/settings", b, "{\"timezone\": \"America/New_York\"}").status()).isEqualTo(200);
        assertThat(api.get("/api/v3/account/settings", a).data().path("timezone").asString()).isEqualTo("Europe/Istanbul");
        assertThat(api.get("/api/v3/account/settings", b).data().path("timezone").asString()).isEqualTo("America/New_York");

        // B cannot see or revoke A's key: the id exists, but not for B.
        Api.Response revoke = api.delete("/api/v3/api-keys/" + keyOfA[0], b);
        assertThat(revoke.status()).isEqualTo(404);
        assertThat(revoke.raw().body()).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        assertThat(api.get("/api/v3/account/settings", keyOfA[1]).status()).isEqualTo(200);
        assertThat(api.get("/api/v3/api-keys", b).data().toString()).doesNotContain(keyOfA[1].substring(0, 11));
        assertThat(api.get("/api/v3/account/settings/history", b).data().size()).isEqualTo(2);
    }
}
