package io.callrecords;

import io.callrecords.accounts.AccountsCli;
import io.callrecords.accounts.AccountsCommand;
import io.callrecords.accounts.PasswordResetCli;
import io.callrecords.accounts.PasswordResetCommand;
import io.callrecords.bench.BenchCommand;
import io.callrecords.database.EmbeddedPostgresServer;
import io.callrecords.demo.DemoCommand;
import io.callrecords.people.UsersCli;
import io.callrecords.people.UsersCommand;
import io.callrecords.sources.SourcesCli;
import io.callrecords.sources.freeswitch.FreeswitchImport;
import io.callrecords.sources.SourcesCommand;
import io.callrecords.shared.CommandLine;
import io.callrecords.simulator.SimulateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;

/**
 * Entry point of the service and of its command-line tools.
 *
 * <p>{@code serve} (or no argument) runs the HTTP service; {@code accounts ...} runs an
 * account command against the same database without starting the web server; {@code simulate} sends
 * simulated traffic to a running service; {@code demo} runs the service filled with simulated traffic;
 * {@code bench} runs the benchmarks.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CallrecordsApplication {

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("-") && !isHelp(args[0]) ? "serve" : args[0];
        String[] rest = args.length > 0 && args[0].equals(command) ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "serve" -> {
                int code = serve(rest);
                if (code != 0) {
                    System.exit(code);
                }
            }
            case "accounts" -> System.exit(runAccounts(rest));
            case "users" -> System.exit(rest.length > 0 && rest[0].equals("reset-password")
                    ? runPasswordReset(Arrays.copyOfRange(rest, 1, rest.length)) : runUsers(rest));
            case "sources" -> System.exit(runSources(rest));
            case "bench" -> System.exit(runBench(rest));
            case "simulate" -> System.exit(SimulateCommand.run(rest));
            case "connect" -> System.exit(rest.length > 0 && rest[0].equals("asterisk")
                    ? io.callrecords.sources.asterisk.agent.ConnectAsterisk.run(
                            Arrays.copyOfRange(rest, 1, rest.length), System.out, System.err)
                    : unknownConnect());
            case "demo" -> {
                // On success the service keeps running (and the process with it) until stopped.
                int code = DemoCommand.run(rest, CallrecordsApplication::startService);
                if (code != 0) {
                    System.exit(code);
                }
            }
            case "help", "--help", "-h" -> System.out.println(usage());
            default -> {
                System.err.println("Unknown command '" + command + "'.\n" + usage());
                System.exit(2);
            }
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    /**
     * Runs the service; {@code --help} only prints how, and a data directory another process holds is refused in one
     * sentence before anything starts. Spring's own arguments ({@code --server.port=8081}) pass through.
     */
    private static int serve(String[] args) {
        List<String> spring = new ArrayList<>();
        String dataDir = null;
        for (int i = 0; i < args.length; i++) {
            if (isHelp(args[i])) {
                System.out.println(SERVE_USAGE);
                return 0;
            } else if (args[i].equals("--data-dir") && i + 1 < args.length) {
                dataDir = args[++i];
            } else if (args[i].startsWith("--data-dir=")) {
                dataDir = args[i].substring("--data-dir=".length());
            } else if (args[i].startsWith("--")) {
                spring.add(args[i]);
            } else {
                System.err.println("Unknown argument '" + args[i] + "'.\n" + SERVE_USAGE);
                return 2;
            }
        }
        if (dataDir != null) {
            spring.add("--callrecords.data-dir=" + dataDir);
        }
        Optional<Path> embedded = LaunchSettings.embeddedDataDir(dataDir);
        if (embedded.isPresent() && EmbeddedPostgresServer.inUse(embedded.get())) {
            System.err.println("The data directory " + embedded.get() + " is in use by another Callrecords process:"
                    + " stop it, or give this one another --data-dir.");
            return 1;
        }
        SpringApplication.run(CallrecordsApplication.class, spring.toArray(String[]::new));
        return 0;
    }

    /**
     * {@code accounts ...}: the arguments are read in full first (a typo or {@code --help} answers at once), and a
     * command that only reads does not create a database where there is none.
     */
    private static int runAccounts(String[] args) {
        AccountsCommand command;
        try {
            command = AccountsCommand.parse(args);
        } catch (CommandLine.BadArguments e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (command.help()) {
            System.out.println(AccountsCommand.USAGE);
            return 0;
        }
        Optional<Path> embedded = LaunchSettings.embeddedDataDir(command.dataDir());
        if (command.needsExistingData() && embedded.isPresent()
                && !Files.isDirectory(embedded.get().resolve("postgres"))) {
            String none = "No Callrecords database in " + embedded.get() + " (it is made by ./callrecords serve;"
                    + " --data-dir names another directory).";
            if (command.action().equals("list")) {
                System.out.println(none + " No accounts.");
                return 0;
            }
            System.err.println(none);
            return 1;
        }
        try (var context = cliContext(command.dataDir())) {
            return context.getBean(AccountsCli.class).run(command);
        }
    }

    /** {@code users create ...}: like {@code accounts create-key}, it needs the database to exist. */
    private static int runUsers(String[] args) {
        UsersCommand command;
        try {
            command = UsersCommand.parse(args);
        } catch (CommandLine.BadArguments e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (command.help()) {
            System.out.println(UsersCommand.USAGE);
            return 0;
        }
        return onExistingDatabase(command.dataDir(), context -> context.getBean(UsersCli.class).run(command));
    }

    private static int unknownConnect() {
        System.err.println("Usage: ./callrecords connect asterisk ... (connect asterisk --help says how)");
        return 2;
    }

    /**
     * {@code sources rederive ...}: against the existing database, like {@code users create}; {@code sources import}
     * talks HTTP to a running service, like {@code simulate}.
     */
    private static int runSources(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            return FreeswitchImport.run(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        SourcesCommand command;
        try {
            command = SourcesCommand.parse(args);
        } catch (CommandLine.BadArguments e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (command.help()) {
            System.out.println(SourcesCommand.USAGE);
            return 0;
        }
        return onExistingDatabase(command.dataDir(), context -> context.getBean(SourcesCli.class).run(command));
    }

    /** Runs a command against the service's existing database (a command that writes makes none where there is none). */
    private static int onExistingDatabase(String dataDir,
                                          ToIntFunction<ApplicationContext> command) {
        Optional<Path> embedded = LaunchSettings.embeddedDataDir(dataDir);
        if (embedded.isPresent() && !Files.isDirectory(embedded.get().resolve("postgres"))) {
            System.err.println("No Callrecords database in " + embedded.get() + " (it is made by ./callrecords serve;"
                    + " --data-dir names another directory).");
            return 1;
        }
        try (var context = cliContext(dataDir)) {
            return command.applyAsInt(context);
        }
    }

    /** The service without its web server, for a command against its database. */
    private static org.springframework.context.ConfigurableApplicationContext cliContext(String dataDir) {
        List<String> properties = new ArrayList<>(List.of("callrecords.mode=cli", "spring.main.banner-mode=off",
                "logging.level.root=WARN", "spring.main.lazy-initialization=true"));
        if (dataDir != null) {
            properties.add("callrecords.data-dir=" + dataDir);
        }
        return new SpringApplicationBuilder(CallrecordsApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(properties.toArray(String[]::new))
                .run();
    }

    /**
     * {@code users reset-password ...} (the arguments after the action): against the existing database, like
     * {@code accounts create-key}.
     */
    private static int runPasswordReset(String[] args) {
        PasswordResetCommand command;
        try {
            command = PasswordResetCommand.parse(args);
        } catch (CommandLine.BadArguments e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (command.help()) {
            System.out.println(PasswordResetCommand.USAGE);
            return 0;
        }
        return onExistingDatabase(command.dataDir(), context -> context.getBean(PasswordResetCli.class).run(command));
    }

    /** The service with the given properties as command-line arguments, which win over the environment. */
    private static AutoCloseable startService(Map<String, String> properties) {
        String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        return SpringApplication.run(CallrecordsApplication.class, args);
    }

    private static int runBench(String[] args) {
        try {
            return BenchCommand.run(args);
        } catch (Exception e) {
            System.err.println("The benchmark failed: " + e);
            return 1;
        }
    }

    static final String SERVE_USAGE = """
            Usage: callrecords serve [--data-dir DIR] [--SETTING=VALUE ...]
            Runs the service on http://localhost:8080 with an embedded PostgreSQL in DIR (default: CALLRECORDS_DATA_DIR,
            else ./data). Every setting of docs/settings.md is also an option, such as --server.port=8081 or
            --callrecords.db.url=jdbc:postgresql://db.example.com/callrecords, or the upper-case environment variable.
            On the very first start it creates the account 'default' and prints its API key once.""";

    static String usage() {
        return """
                Usage: callrecords <command>   (every command takes --help)
                  serve [--data-dir DIR] [--server.port=P]
                                                          run the service (default)
                  accounts list | create | create-key ... [--data-dir DIR]
                                                          list the accounts, create one, or create another key
                                                          of one (accounts --help says how)
                  users create --account ID|NAME --email E --name N --role R [--password-stdin]
                                                          add a user (a person who signs in, with a password)
                  users reset-password --account NAME|ID --email EMAIL [--data-dir DIR]
                                                          print a one-time link that sets a person's password
                  sources rederive --source S --from DATE --to DATE [--account ID|NAME]
                                                          translate a PBX's calls again from the documents kept
                  sources import freeswitch DIR --url URL --api-key KEY [--recordings DIR]
                                                          send a directory of FreeSWITCH CDR files to a running service
                  simulate --api-key KEY [--calls N | --days D] [--rate R | --as-fast-as-possible] [--seed S] ...
                                                          send a simulated call center's traffic to a running service
                  connect asterisk --ami HOST:5038 --ami-user U --ami-secret S --url URL --api-key K ...
                                                          push an Asterisk's CEL and queue_log to a running service
                  demo [--port P] [--data-dir DIR] [--fresh]
                                                          run the service with a week of simulated traffic in ./data-demo
                  bench [NAME [options]]                  run the benchmarks (bench --help lists them)""";
    }
}
