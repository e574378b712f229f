package io.callrecords.accounts;

import io.callrecords.shared.CallrecordsProperties;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code callrecords users reset-password}: prints a one-time link that sets a person's password. */
@Component
public class PasswordResetCli {

    private final Accounts accounts;
    private final PasswordResets resets;
    private final CallrecordsProperties properties;

    PasswordResetCli(Accounts accounts, PasswordResets resets, CallrecordsProperties properties) {
        this.accounts = accounts;
        this.resets = resets;
        this.properties = properties;
    }

    /** Runs the command and returns the process exit code. */
    public int run(PasswordResetCommand command) {
        return run(command, System.out, System.err);
    }

    public int run(PasswordResetCommand command, PrintStream out, PrintStream err) {
        String named = command.account();
        List<Account> matches = named.matches("\\d{1,18}")
                ? accounts.find(Long.parseLong(named)).map(List::of).orElse(List.of())
                : accounts.list().stream().filter(a -> a.name().equals(named)).toList();
        if (matches.isEmpty()) {
            err.println("No account '" + named + "' in " + AccountsCli.where(properties)
                    + " (./callrecords accounts list shows them).");
            return 1;
        }
        if (matches.size() > 1) {
            err.println(matches.size() + " accounts are named '" + named + "' (ids "
                    + String.join(", ", matches.stream().map(a -> Long.toString(a.id())).toList()) + "): give the id.");
            return 2;
        }
        Account account = matches.getFirst();
        PasswordResets.Issued issued;
        try {
            issued = resets.issue(account.id(), command.email());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.println("A link that sets the password of " + issued.name() + " (user " + issued.userId() + " of account "
                + account.id() + ", " + account.name() + "); it works once, within "
                + PasswordResets.LIFETIME.toMinutes() + " minutes. Give it to them yourself:");
        out.println(issued.link());
        return 0;
    }
}
