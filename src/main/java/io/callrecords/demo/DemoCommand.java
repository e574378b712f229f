package io.callrecords.demo;

import io.callrecords.database.EmbeddedPostgresServer;
import io.callrecords.shared.CommandLine;
import io.callrecords.simulator.SimulationException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./callrecords demo}: runs the service on the embedded database in its own data directory
 * ({@code ./data-demo}), with a demo account filled with a week of a simulated call center's traffic, and
 * prints where to look. A second run reuses the directory as it is (the fill is not repeated), so the demo
 * starts in seconds; {@code --fresh} deletes it and starts over with the dates of today.
 */
public final class DemoCommand {

    /** Starts the service with these properties (highest precedence), running until the process ends. */
    public interface ServiceStarter {
        AutoCloseable start(Map<String, String> properties) throws Exception;
    }

    static final String USAGE = """
            Usage: callrecords demo [options]
            Runs the service with a demo account full of simulated call-center traffic, until Ctrl-C.
              --port P          HTTP port (default 8080)
              --data-dir DIR    the demo's own data directory (default ./data-demo); kept between runs
              --days D          days of traffic in a new demo, 1 to 31 (default 7)
              --agents N        agents of the simulated center in a new demo, 1 to 200 (default 20)
              --fresh           delete the demo's data directory and start over""";

    private static final Set<String> FLAGS = Set.of("--fresh", "--help");
    private static final Set<String> VALUED = Set.of("--port", "--data-dir", "--days", "--agents");

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    DemoCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Returns 0 with the service running (the process stays up until stopped), else the exit code. */
    public static int run(String[] args, ServiceStarter starter) {
        return new DemoCommand(System.out, System.err, Clock.systemUTC()).execute(args, starter);
    }

    int execute(String[] args, ServiceStarter starter) {
        CommandLine line;
        int port;
        int days;
        int agents;
        try {
            line = CommandLine.parse(args, FLAGS, VALUED, "demo");
            port = (int) line.whole("--port", 1, 65_535, 8080);
            days = (int) line.whole("--days", 1, 31, 7);
            agents = (int) line.whole("--agents", 1, 200, 20);
        } catch (CommandLine.BadArguments e) {
            err.println(e.getMessage());
            return 2;
        }
        if (line.has("--help")) {
            out.println(USAGE);
            return 0;
        }
        DemoDataDir dir = new DemoDataDir(Path.of(line.string("--data-dir", "./data-demo")));
        if (EmbeddedPostgresServer.inUse(dir.path())) {
            err.println(dir.path().toAbsolutePath().normalize() + " is in use by another Callrecords process (a demo"
                    + " or a service still running): stop it, or give this demo another --data-dir.");
            return 1;
        }
        if (dir.holdsOtherData()) {
            err.println(dir.path() + " holds data that is not a demo's: give the demo another --data-dir.");
            return 2;
        }
        if (line.has("--fresh")) {
            dir.wipe();
        }
        // The marker goes in before the service creates anything, so the directory is known as the demo's
        // even if this start fails half-way.
        DemoState state = dir.state().orElseGet(() -> DemoFill.plan(days, agents, clock.instant()));
        dir.save(state);
        URI base = URI.create("http://127.0.0.1:" + port);
        String operatorToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        out.println("Starting Callrecords on http://localhost:" + port + " with the demo's data in " + dir.path() + " ...");
        AutoCloseable service;
        try {
            service = starter.start(properties(dir, port, operatorToken));
        } catch (Exception e) {
            err.println(startFailure(e, port));
            return 1;
        }
        try {
            if (state.apiKey() == null) {
                state = state.withKey(DemoFill.createAccount(base, operatorToken));
                dir.save(state);
            }
            if (state.filled()) {
                out.println("Reusing the demo data: " + DemoFill.describe(state) + " (--fresh starts over).");
            } else {
                out.println("Filling the demo account with " + DemoFill.describe(state) + " (seed " + state.seed() + ") ...");
                state = DemoFill.fill(base, state, out, err);
                dir.save(state);
            }
            // After the fill, whose setup gives the simulated agents their ids from 1: the administrator takes the next.
            if (state.adminEmail() == null) {
                state = DemoFill.createAdministrator(base, state);
                dir.save(state);
            }
            out.println(DemoBanner.text(state, port, dir));
            return 0;
        } catch (SimulationException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("The demo could not be filled: " + e.getMessage() + " (./callrecords demo --fresh starts over)");
            close(service);
            return 1;
        }
    }

    /** Command-line properties: they win over the environment, so a CALLRECORDS_DB_URL set for production is left out. */
    private static Map<String, String> properties(DemoDataDir dir, int port, String operatorToken) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("callrecords.data-dir", dir.path().toString());
        p.put("server.port", Integer.toString(port));
        p.put("callrecords.db.url", "");
        p.put("callrecords.operator-token", operatorToken);
        p.put("callrecords.mode", "demo");
        p.put("logging.level.root", "WARN");
        p.put("logging.level.org.springdoc", "ERROR");
        return p;
    }

    private static String startFailure(Throwable e, int port) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("PortInUseException")) {
                return "Port " + port + " is in use: stop what runs there, or give the demo another --port.";
            }
            root = t;
        }
        return "The service did not start: " + root.getMessage();
    }

    private static void close(AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            // stopping anyway
        }
    }
}
