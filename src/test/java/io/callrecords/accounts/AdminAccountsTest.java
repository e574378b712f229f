package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AdminAccountsTest extends AppTestSupport {

    @Autowired
    AccountsCli cli;

    @Test
    void theOperatorTokenGuardsAccountCreation() {
        assertThat(api.post("/admin/accounts", null, "{\"name\": \"x\"}").status()).isEqualTo(401);
        Api.Response wrong = api.post("/admin/accounts", "not-the-token", "{\"name\": \"x\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().path("errors").path("detail").asString()).startsWith("Not authorized");
        Api.Response invalid = api.post("/admin/accounts", OPERATOR_TOKEN, "{\"name\": \" \", \"rate_limit_per_minute\": \"many\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().path("errors").propertyNames()).containsExactlyInAnyOrder("name", "rate_limit_per_minute");
    }

    @Test
    void aCreatedAccountCanUseItsKeyAtOnce() {
        Api.Response created = api.post("/admin/accounts", OPERATOR_TOKEN, "{\"name\": \"ACME\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("name").asString()).isEqualTo("ACME");
        assertThat(created.data().path("rate_limit_per_minute").asInt()).isEqualTo(600);
        String key = created.data().path("api_key").asString();
        assertThat(key).startsWith("cr_").hasSize(46);
        Api.Response settings = api.get("/api/v3/account/settings", key);
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.data().path("timezone").asString()).isEqualTo("UTC");
        assertThat(settings.data().path("short_abandon_seconds").asInt()).isEqualTo(3);
        assertThat(settings.data().path("callback_window").asString()).isEqualTo("P7D");
        assertThat(settings.data().path("business_hours").isNull()).isTrue();
    }

    @Test
    void theCliCreatesAnAccountAndExplainsBadArguments() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = cli.run(AccountsCommand.parse(new String[] {"create", "--name", "From CLI", "--rate-limit", "50"}),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String key = out.toString(StandardCharsets.UTF_8).replaceAll("(?s).*API key[^:]*: (cr_\\S+).*", "$1");
        assertThat(api.get("/api/v3/account/settings", key).header("x-ratelimit-limit")).isEqualTo("50");

        assertThatThrownBy(() -> AccountsCommand.parse(new String[] {"create", "--name"}))
                .hasMessage("--name needs a value: see ./callrecords accounts --help.");
        assertThatThrownBy(() -> AccountsCommand.parse(new String[] {"lst"}))
                .hasMessageContaining("Unknown action 'lst'");

        err.reset();
        code = cli.run(AccountsCommand.parse(new String[] {"create", "--name", "x", "--rate-limit", "lots"}),
                new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rate-limit: must be a whole number");
    }

    @Test
    void theCliListsTheAccountsSayingWhereAndCreatesAnotherKeyOfOne() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        newAccount("Key Lost Ltd");
        assertThat(cli.run(AccountsCommand.parse(new String[] {"list"}), new PrintStream(out, true, StandardCharsets.UTF_8),
                errors)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(" in the PostgreSQL at jdbc:postgresql:")
                .contains("Key Lost Ltd");

        out.reset();
        int code = cli.run(AccountsCommand.parse(new String[] {"create-key", "--account", "Key Lost Ltd", "--scopes", "read"}),
                new PrintStream(out, true, StandardCharsets.UTF_8), errors);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String key = out.toString(StandardCharsets.UTF_8).replaceAll("(?s).*API key[^:]*: (cr_\\S+).*", "$1");
        assertThat(api.get("/api/v3/calls", key).status()).isEqualTo(200);
        assertThat(api.post("/api/v3/contacts", key, "{\"name\": \"Ada\"}").status()).isEqualTo(403);

        assertThat(cli.run(AccountsCommand.parse(new String[] {"create-key", "--account", "No Such Ltd"}),
                new PrintStream(out), errors)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No account 'No Such Ltd'");
        assertThat(cli.run(AccountsCommand.parse(new String[] {"create-key", "--account", "Key Lost Ltd", "--scopes", "root"}),
                new PrintStream(out), errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--scopes: 'root' is not a scope");
    }
}
