package io.callrecords.accounts;

import io.callrecords.shared.CommandLine;
import java.util.Set;

/**
 * The words of {@code callrecords users reset-password --account ID|NAME --email E}, read in full before anything
 * starts.
 *
 * @param dataDir the data directory given with {@code --data-dir}, or null for the service's own setting
 */
public record PasswordResetCommand(boolean help, String account, String email, String dataDir) {

    public static final String USAGE = """
            Usage: callrecords users reset-password --account NAME|ID --email EMAIL [--data-dir DIR]
            Prints a link that sets the password of the account's user with this email: it works once, for an hour.
            Give it to the person yourself (the service sends no mail). The link starts with callrecords.public-base-url
            (default http://localhost:<server.port>). --data-dir DIR is the service's data directory (default:
            CALLRECORDS_DATA_DIR, else ./data); with CALLRECORDS_DB_URL set, the users are those of that PostgreSQL.""";

    /** Reads the arguments after {@code users reset-password}. */
    public static PasswordResetCommand parse(String[] args) {
        CommandLine options = CommandLine.parse(args, Set.of("--help"), Set.of("--account", "--email", "--data-dir"),
                "users reset-password");
        if (options.has("--help")) {
            return new PasswordResetCommand(true, null, null, null);
        }
        if (!options.has("--account") || !options.has("--email")) {
            throw new CommandLine.BadArguments("users reset-password needs --account NAME or ID and --email EMAIL.");
        }
        return new PasswordResetCommand(false, options.string("--account", ""), options.string("--email", ""),
                options.string("--data-dir", null));
    }
}
