package io.callrecords.people;

import io.callrecords.shared.CommandLine;
import java.util.Arrays;
import java.util.Set;

/**
 * The words of {@code callrecords users create ...}, read in full before anything starts: a typo is answered at once,
 * and {@code --help} touches no data.
 *
 * @param action  {@code create} or {@code help}
 * @param dataDir the data directory given with {@code --data-dir}, or null for the service's own setting
 */
public record UsersCommand(String action, String dataDir, CommandLine options) {

    public static final String USAGE = """
            Usage: callrecords users create --account ID|NAME --email EMAIL --name NAME --role admin|supervisor|agent
                                            [--password-stdin] [--data-dir DIR]
              create     add a user to an account's directory and print its id; with --password-stdin the first line
                         of the standard input is the user's password (at least 12 characters) and the user signs in
                         with EMAIL and that password (the first administrator of an account is made this way)
       callrecords users reset-password --account ID|NAME --email EMAIL [--data-dir DIR]
              reset-password   print a one-time link (valid one hour) that sets the person's password
            --data-dir DIR is the service's data directory (as for ./callrecords accounts).""";

    public static UsersCommand parse(String[] args) {
        String action = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        Set<String> valued = switch (action) {
            case "create" -> Set.of("--data-dir", "--account", "--email", "--name", "--role");
            case "help", "--help", "-h" -> {
                action = "help";
                yield Set.of("--data-dir");
            }
            case "" -> throw new CommandLine.BadArguments("Name an action: create or reset-password (see ./callrecords users --help).");
            default -> throw new CommandLine.BadArguments("Unknown action '" + action
                    + "': the actions are create and reset-password (see ./callrecords users --help).");
        };
        CommandLine options = CommandLine.parse(rest, Set.of("--help", "--password-stdin"), valued, "users");
        if (options.has("--help")) {
            action = "help";
        }
        if (action.equals("create")) {
            for (String needed : new String[] {"--account", "--email", "--name", "--role"}) {
                if (!options.has(needed)) {
                    throw new CommandLine.BadArguments("users create needs " + needed + " (see ./callrecords users --help).");
                }
            }
        }
        return new UsersCommand(action, options.string("--data-dir", null), options);
    }

    public boolean help() {
        return action.equals("help");
    }
}
