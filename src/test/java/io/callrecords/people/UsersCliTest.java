package io.callrecords.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callrecords.shared.CommandLine;
import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsersCliTest extends AppTestSupport {

    @Autowired
    UsersCli cli;

    private record Run(int code, String out, String err) {}

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli.run(UsersCommand.parse(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCliCreatesAUserWhoSignsInAndPrintsItsId() {
        String key = newAccount("Users CLI Ltd");
        Run created = run("quiet-lantern-river\n", "create", "--account", "Users CLI Ltd", "--email", "admin@cli.example",
                "--name", "First Admin", "--role", "admin", "--password-stdin");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("1\n");
        Api.Response user = api.get("/api/v3/users/1", key);
        assertThat(user.data().path("role").asString()).isEqualTo("admin");
        assertThat(user.data().path("can_sign_in").asBoolean()).isTrue();
        assertThat(user.data().path("email").asString()).isEqualTo("admin@cli.example");

        Run plain = run("", "create", "--account", "Users CLI Ltd", "--email", "agent@cli.example", "--name", "Agent",
                "--role", "agent");
        assertThat(plain.out()).isEqualTo("2\n");
        assertThat(api.get("/api/v3/users/2", key).data().path("can_sign_in").asBoolean()).isFalse();
    }

    @Test
    void badArgumentsAreExplained() {
        newAccount("Users CLI Errors");
        Run unknown = run("", "create", "--account", "No Such Account", "--email", "a@b.example", "--name", "A", "--role", "agent");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("No account 'No Such Account' in ");
        Run role = run("", "create", "--account", "Users CLI Errors", "--email", "a@b.example", "--name", "A", "--role", "boss");
        assertThat(role.code()).isEqualTo(2);
        assertThat(role.err()).isEqualTo("--role: must be one of admin, supervisor, agent\n");
        Run weak = run("password\n", "create", "--account", "Users CLI Errors", "--email", "a@b.example", "--name", "A",
                "--role", "admin", "--password-stdin");
        assertThat(weak.code()).isEqualTo(2);
        assertThat(weak.err()).isEqualTo("--password-stdin: must be at least 12 characters long\n");
        Run empty = run("", "create", "--account", "Users CLI Errors", "--email", "a@b.example", "--name", "A",
                "--role", "admin", "--password-stdin");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("the standard input has no password");
        assertThatThrownBy(() -> UsersCommand.parse(new String[] {"create", "--account", "x"}))
                .isInstanceOf(CommandLine.BadArguments.class).hasMessageContaining("--email");
        assertThatThrownBy(() -> UsersCommand.parse(new String[] {"delete"}))
                .isInstanceOf(CommandLine.BadArguments.class).hasMessageContaining("Unknown action 'delete'");
    }
}
