package io.callrecords.accounts;

import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.ValidationException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code callrecords accounts create --name NAME [--rate-limit N]} and {@code accounts list}. */
@Component
public class AccountsCli {

    private final AccountProvisioning provisioning;
    private final Accounts accounts;
    private final int defaultRateLimit;

    AccountsCli(AccountProvisioning provisioning, Accounts accounts, CallrecordsProperties properties) {
        this.provisioning = provisioning;
        this.accounts = accounts;
        this.defaultRateLimit = properties.api().defaultRateLimitPerMinute();
    }

    /** Runs the command and returns the process exit code. */
    public int run(String[] args) {
        return run(args, System.out, System.err);
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length >= 1 && args[0].equals("list")) {
            accounts.list().forEach(a -> out.printf("%d\t%s\t%d requests/min%n", a.id(), a.name(), a.rateLimitPerMinute()));
            return 0;
        }
        if (args.length < 1 || !args[0].equals("create")) {
            err.println("Usage: callrecords accounts create --name NAME [--rate-limit N] | accounts list");
            return 2;
        }
        Map<String, Object> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if ((option.equals("--name") || option.equals("--rate-limit")) && i + 1 < args.length) {
                String value = args[++i];
                options.put(option, option.equals("--name") ? value : parseInt(value));
            } else {
                err.println("Unknown or incomplete option '" + option + "'. Usage: callrecords accounts create --name NAME [--rate-limit N]");
                return 2;
            }
        }
        try {
            FieldErrors errors = new FieldErrors();
            String name = AccountRequests.name(Map.of("name", options.getOrDefault("--name", "")), errors);
            int limit = AccountRequests.rateLimit(options.get("--rate-limit"), defaultRateLimit, errors);
            errors.throwIfAny();
            AccountProvisioning.NewAccount created = provisioning.create(name, limit);
            out.println("Created account " + created.account().id() + " (" + created.account().name() + ").");
            out.println("API key (shown only now, keep it safe): " + created.secret());
            return 0;
        } catch (ValidationException e) {
            e.errors().forEach((field, messages) -> err.println("--" + (field.equals("name") ? "name" : "rate-limit")
                    + ": " + String.join("; ", messages)));
            return 2;
        }
    }

    private static Object parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
