package io.callrecords.accounts;

import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.ValidationException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code callrecords accounts list | create | create-key} against the service's database ({@link AccountsCommand}). */
@Component
public class AccountsCli {

    private final AccountProvisioning provisioning;
    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final CallrecordsProperties properties;

    AccountsCli(AccountProvisioning provisioning, Accounts accounts, ApiKeys apiKeys, CallrecordsProperties properties) {
        this.provisioning = provisioning;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.properties = properties;
    }

    /** Runs the command and returns the process exit code. */
    public int run(AccountsCommand command) {
        return run(command, System.out, System.err);
    }

    int run(AccountsCommand command, PrintStream out, PrintStream err) {
        try {
            return switch (command.action()) {
                case "list" -> list(out);
                case "create" -> create(command, out);
                case "create-key" -> createKey(command, out, err);
                default -> throw new IllegalArgumentException(command.action());
            };
        } catch (ValidationException e) {
            e.errors().forEach((field, messages) -> err.println("--" + field + ": "
                    + String.join("; ", messages)));
            return 2;
        }
    }

    /** Where the accounts are, in words: the embedded database's folder or the external server. */
    public static String where(CallrecordsProperties properties) {
        return properties.db().embedded()
                ? "the embedded database in " + properties.dataDir().toAbsolutePath().normalize()
                : "the PostgreSQL at " + properties.db().url();
    }

    private int list(PrintStream out) {
        List<Account> all = accounts.list();
        if (all.isEmpty()) {
            out.println("No accounts in " + where(properties) + ".");
            return 0;
        }
        out.println(all.size() + (all.size() == 1 ? " account" : " accounts") + " in " + where(properties) + ":");
        out.printf("%6s  %-40s  %s%n", "id", "name", "rate limit");
        all.forEach(a -> out.printf("%6d  %-40s  %d requests/min%n", a.id(), a.name(), a.rateLimitPerMinute()));
        return 0;
    }

    private int create(AccountsCommand command, PrintStream out) {
        FieldErrors errors = new FieldErrors();
        String name = AccountRequests.name(Map.of("name", command.options().string("--name", "")), errors);
        String limitText = command.options().string("--rate-limit", null);
        Object limitValue = limitText == null ? null : parseInt(limitText);
        int limit = AccountRequests.rateLimit(limitValue, properties.api().defaultRateLimitPerMinute(), errors);
        renamed(errors, Map.of("rate_limit_per_minute", "rate-limit")).throwIfAny();
        AccountProvisioning.NewAccount created = provisioning.create(name, limit);
        out.println("Created account " + created.account().id() + " (" + created.account().name() + ") in "
                + where(properties) + ".");
        out.println("API key (shown only now, keep it safe): " + created.secret());
        return 0;
    }

    private int createKey(AccountsCommand command, PrintStream out, PrintStream err) {
        Named named = account(command.options().string("--account", ""), err);
        if (named.account() == null) {
            return named.exitCode();
        }
        Set<Scope> scopes = scopes(command.options().string("--scopes", "read,write,admin"));
        String keyName = command.options().string("--name", "created by the command line");
        Account account = named.account();
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = apiKeys.insert(account.id(), keyName, secret, scopes, null, null);
        out.println("Created API key " + key.id() + " of account " + account.id() + " (" + account.name()
                + ") with the scopes " + String.join(",", scopes.stream().map(Scope::wire).toList()) + ".");
        out.println("API key (shown only now, keep it safe): " + secret.value());
        return 0;
    }

    /**
     * The account a command's {@code --account} names, by id or by name; when none or several match, says so on
     * {@code err} in one sentence and answers no account, with the exit code to end with (1 for none, 2 for several).
     */
    public Named account(String named, PrintStream err) {
        List<Account> matches = named.matches("\\d{1,18}")
                ? accounts.find(Long.parseLong(named)).map(List::of).orElse(List.of())
                : accounts.list().stream().filter(a -> a.name().equals(named)).toList();
        if (matches.isEmpty()) {
            err.println("No account '" + named + "' in " + where(properties) + " (./callrecords accounts list shows them).");
            return new Named(null, 1);
        }
        if (matches.size() > 1) {
            err.println(matches.size() + " accounts are named '" + named + "' (ids "
                    + String.join(", ", matches.stream().map(a -> Long.toString(a.id())).toList()) + "): give the id.");
            return new Named(null, 2);
        }
        return new Named(matches.getFirst(), 0);
    }

    /** The account a command named, or null with the exit code to end with. */
    public record Named(Account account, int exitCode) {}

    private static Set<Scope> scopes(String list) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String wire : list.split(",")) {
            Optional<Scope> scope = Scope.fromWire(wire.strip());
            if (scope.isEmpty()) {
                throw ValidationException.of("scopes", "'" + wire.strip() + "' is not a scope; the scopes are "
                        + String.join(",", Arrays.stream(Scope.values()).map(Scope::wire).toList()));
            }
            scopes.add(scope.get());
        }
        return scopes;
    }

    /** The API's field names as the command's options. */
    private static FieldErrors renamed(FieldErrors errors, Map<String, String> options) {
        FieldErrors out = new FieldErrors();
        errors.asMap().forEach((field, messages) -> messages.forEach(m -> out.add(options.getOrDefault(field, field), m)));
        return out;
    }

    private static Object parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
