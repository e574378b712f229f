package io.callrecords.accounts;

import io.callrecords.shared.CommandLine;
import java.util.Set;

/**
 * The words of {@code callrecords accounts ...}, read in full before anything starts: a typo is answered at once,
 * and {@code --help} touches no data.
 *
 * @param action  {@code list}, {@code create}, {@code create-key} or {@code help}
 * @param dataDir the data directory given with {@code --data-dir}, or null for the service's own setting
 */
public record AccountsCommand(String action, String dataDir, CommandLine options) {

    public static final String USAGE = """
            Usage: callrecords accounts <action> [--data-dir DIR]
              list                                          list the accounts, and say where they were looked for
              create --name NAME [--rate-limit N]           create an account and print its first API key (every scope)
              create-key --account NAME|ID [--scopes read,write,admin] [--name KEY_NAME]
                                                            create another API key of an account (when the first is lost)
            --data-dir DIR is the service's data directory (default: CALLRECORDS_DATA_DIR, else ./data); with
            CALLRECORDS_DB_URL set, the accounts are those of that PostgreSQL instead. Run beside a running service,
            the command uses that service's database.""";

    private static final Set<String> VALUED_OF_ALL = Set.of("--data-dir");

    /** Reads the arguments after {@code accounts}; an unknown action or option is a {@link CommandLine.BadArguments}. */
    public static AccountsCommand parse(String[] args) {
        String action = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
        Set<String> valued = switch (action) {
            case "list" -> VALUED_OF_ALL;
            case "create" -> Set.of("--data-dir", "--name", "--rate-limit");
            case "create-key" -> Set.of("--data-dir", "--account", "--scopes", "--name");
            case "help", "--help", "-h" -> {
                action = "help";
                yield VALUED_OF_ALL;
            }
            case "" -> throw new CommandLine.BadArguments("Name an action: list, create or create-key"
                    + " (see ./callrecords accounts --help).");
            default -> throw new CommandLine.BadArguments("Unknown action '" + action
                    + "': the actions are list, create and create-key (see ./callrecords accounts --help).");
        };
        CommandLine options = CommandLine.parse(rest, Set.of("--help"), valued, "accounts");
        if (options.has("--help")) {
            action = "help";
        }
        if (action.equals("create") && !options.has("--name")) {
            throw new CommandLine.BadArguments("accounts create needs --name NAME.");
        }
        if (action.equals("create-key") && !options.has("--account")) {
            throw new CommandLine.BadArguments("accounts create-key needs --account NAME or ID.");
        }
        return new AccountsCommand(action, options.string("--data-dir", null), options);
    }

    public boolean help() {
        return action.equals("help");
    }

    /** Whether the command only reads: then a data directory without a database is no reason to create one. */
    public boolean needsExistingData() {
        return action.equals("list") || action.equals("create-key");
    }
}
