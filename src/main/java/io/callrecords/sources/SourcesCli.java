package io.callrecords.sources;

import io.callrecords.accounts.AccountsCli;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code callrecords sources rederive}: every call of a period translated again from its kept documents. */
@Component
public class SourcesCli {

    private final AccountsCli accounts;
    private final SourceCalls calls;
    private final SourceIntake intake;

    SourcesCli(AccountsCli accounts, SourceCalls calls, SourceIntake intake) {
        this.accounts = accounts;
        this.calls = calls;
        this.intake = intake;
    }

    public int run(SourcesCommand command) {
        return run(command, System.out, System.err);
    }

    int run(SourcesCommand command, PrintStream out, PrintStream err) {
        List<Long> accountIds;
        if (command.options().has("--account")) {
            AccountsCli.Named named = accounts.account(command.options().string("--account", ""), err);
            if (named.account() == null) {
                return named.exitCode();
            }
            accountIds = List.of(named.account().id());
        } else {
            accountIds = calls.accounts(command.source());
        }
        int translated = 0;
        int failed = 0;
        for (long account : accountIds) {
            for (String key : calls.firstSeenBetween(account, command.source(), command.from(), command.to())) {
                var outcome = intake.translate(account, command.source(), key);
                translated++;
                if (outcome.isPresent() && outcome.get().problem() != null) {
                    failed++;
                    err.println("account " + account + ", call " + key + ": " + outcome.get().problem());
                }
            }
        }
        out.println("Translated " + translated + " " + command.source().wire() + " calls again"
                + (failed == 0 ? "." : "; " + failed + " have a problem (above)."));
        return 0;
    }
}
