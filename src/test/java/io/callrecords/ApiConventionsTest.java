package io.callrecords;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class ApiConventionsTest extends AppTestSupport {

    @Test
    void everyErrorIsJson() {
        String key = newAccount("conventions");
        Api.Response unknown = api.get("/api/v3/no-such-thing", key);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.raw().body()).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");

        Api.Response malformed = api.patch("/api/v3/account/settings", key, "{\"timezone\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("errors").path("detail").asString()).contains("not valid JSON");

        Api.Response method = api.send(api.request("/api/v3/account/settings", key).PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.body().path("errors").path("detail").isString()).isTrue();

        // outside the API's paths, an unknown address is a person's: the site's "not found" page (issue 20)
        Api.Response outside = api.get("/nothing-here", null);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        assertThat(api.get("/actuator/health/readiness", null).body().path("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        Api.Response prometheus = api.send(api.request("/actuator/prometheus", null).GET());
        assertThat(prometheus.status()).isEqualTo(200);
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/v3/account/settings")).isTrue();
        assertThat(docs.body().path("paths").has("/admin/accounts")).isTrue();
        // the Caller argument comes from the API key: no operation may list it as a parameter
        docs.body().path("paths").forEach(path -> path.forEach(operation -> operation.path("parameters")
                .forEach(parameter -> assertThat(parameter.path("name").asString()).isNotEqualTo("caller"))));
        assertThat(docs.body().path("components").path("securitySchemes").has("bearer")).isTrue();
        // every operation may answer 503 with Retry-After past capacity (ADR 0013)
        docs.body().path("paths").forEach(path -> path.forEach(operation -> assertThat(
                operation.path("responses").path("503").path("headers").has("Retry-After")).isTrue()));
        assertThat(api.send(api.request("/swagger-ui/index.html", null).GET()).status()).isEqualTo(200);
    }
}
