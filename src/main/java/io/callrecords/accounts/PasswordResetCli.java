package io.callrecords.accounts;

import java.io.PrintStream;
import org.springframework.stereotype.Component;

/** {@code callrecords users reset-password}: prints a one-time link that sets a person's password. */
@Component
public class PasswordResetCli {

    private final AccountsCli accounts;
    private final PasswordResets resets;

    PasswordResetCli(AccountsCli accounts, PasswordResets resets) {
        this.accounts = accounts;
        this.resets = resets;
    }

    /** Runs the command and returns the process exit code. */
    public int run(PasswordResetCommand command) {
        return run(command, System.out, System.err);
    }

    public int run(PasswordResetCommand command, PrintStream out, PrintStream err) {
        AccountsCli.Named named = accounts.account(command.account(), err);
        if (named.account() == null) {
            return named.exitCode();
        }
        Account account = named.account();
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
