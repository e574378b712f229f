package io.callrecords.people;

import io.callrecords.accounts.AccountsCli;
import io.callrecords.shared.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code callrecords users create}: the same as {@code POST /api/v3/users} (the same rules, answered per option),
 * from the operator's command line, so that an account's first administrator exists before anyone signs in.
 */
@Component
public class UsersCli {

    private final AccountsCli accounts;
    private final DirectoryEntries entries;

    UsersCli(AccountsCli accounts, DirectoryEntries entries) {
        this.accounts = accounts;
        this.entries = entries;
    }

    public int run(UsersCommand command) {
        return run(command, System.in, System.out, System.err);
    }

    int run(UsersCommand command, InputStream in, PrintStream out, PrintStream err) {
        AccountsCli.Named named = accounts.account(command.options().string("--account", ""), err);
        if (named.account() == null) {
            return named.exitCode();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", command.options().string("--name", null));
        body.put("email", command.options().string("--email", null));
        body.put("role", command.options().string("--role", null));
        if (command.options().has("--password-stdin")) {
            String password = firstLine(in);
            if (password == null || password.isEmpty()) {
                err.println("--password-stdin: the standard input has no password (its first line is the password).");
                return 2;
            }
            body.put("password", password);
        }
        try {
            Entry user = entries.create(named.account().id(), EntryKind.USER, body);
            out.println(user.id());
            return 0;
        } catch (ValidationException e) {
            e.errors().forEach((field, messages) -> err.println((field.equals("password") && body.containsKey("password")
                    ? "--password-stdin" : "--" + field) + ": " + String.join("; ", messages)));
            return 2;
        }
    }

    private static String firstLine(InputStream in) {
        try {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
