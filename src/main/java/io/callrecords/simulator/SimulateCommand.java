package io.callrecords.simulator;

import io.callrecords.shared.CommandLine;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** {@code ./callrecords simulate}: sends a simulated call center's traffic to a running service over HTTP. */
public final class SimulateCommand {

    static final String USAGE = """
            Usage: callrecords simulate --api-key KEY [options]
            Sends the traffic of a simulated call center to a running Callrecords service.
              --url URL              the service (default http://localhost:8080)
              --api-key KEY          a key of the account to fill, with the admin scope (or CALLRECORDS_API_KEY)
              --calls N | --days D   how much traffic: N calls, or D days of it (default: --days 1)
              --rate R               R new calls per second ...
              --as-fast-as-possible  ... or as fast as the service takes them (the default)
              --seed S               the same seed and --start send the same events again (default: random, printed)
              --start WHEN           first simulated moment: a date (midnight in the center's zone) or a time with
                                     offset, 2026-03-24T09:00+03:00 (default: the period ends an hour ago)
              --agents N             size of the center: agents, and traffic in proportion (default 20)
              --batch N              events per request (default 1000)
              --connections N        requests in parallel (default 2)
              --audio N              attach a second of generated tone to the recording or voicemail of the first N
                                     calls that have one, through the media API, as a phone system would (default 0)
              --skip-setup           leave the account's settings and address book as they are""";

    private static final Set<String> FLAGS = Set.of("--as-fast-as-possible", "--skip-setup", "--help");
    private static final Set<String> VALUED = Set.of("--url", "--api-key", "--calls", "--days", "--rate", "--seed",
            "--start", "--agents", "--batch", "--connections", "--audio");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /** Everything a run needs, read from the arguments. */
    record Plan(URI url, String apiKey, CallCenter center, long seed, Instant start, Instant end, long maxCalls,
                TrafficRun.Options send, int audio, boolean skipSetup) {}

    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public SimulateCommand(Clock clock, PrintStream out, PrintStream err, Map<String, String> environment) {
        this.clock = clock;
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static int run(String[] args) {
        return new SimulateCommand(Clock.systemUTC(), System.out, System.err, System.getenv()).execute(args);
    }

    /** Runs the command; returns the exit code: 0 all sent, 1 the run failed or had errors, 2 bad arguments. */
    public int execute(String[] args) {
        Plan plan;
        try {
            CommandLine line = CommandLine.parse(args, FLAGS, VALUED, "simulate");
            if (line.has("--help")) {
                out.println(USAGE);
                return 0;
            }
            plan = plan(line);
        } catch (CommandLine.BadArguments e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            ServiceClient service = new ServiceClient(plan.url(), plan.apiKey());
            out.println(header(plan));
            if (!plan.skipSetup()) {
                AccountSetup.Outcome setup = new AccountSetup(service).apply(plan.center(), plan.start());
                out.println("Account: settings of the simulated center in force from " + shown(plan.start(), plan.center())
                        + " (settings version " + setup.settingsVersion() + "); address book "
                        + (setup.addressBookCreated() ? "created: " : "already there: ")
                        + setup.companies() + " companies, " + setup.contacts() + " contacts; directory "
                        + (setup.directoryCreated() ? "created: " : "already there: ") + plan.center().staff().users().size()
                        + " users, " + plan.center().staff().teams().size() + " teams, " + plan.center().lines().size()
                        + " numbers.");
            }
            TrafficRun.Progress progress = plan.end() != null ? ProgressBar.forPeriod(err, plan.start(), plan.end())
                    : ProgressBar.forCalls(err, plan.maxCalls());
            RunSummary summary = new TrafficRun(service, plan.send(),
                    plan.audio() > 0 ? new GeneratedAudioUploader(plan.audio()) : RecordingAttacher.NONE, progress)
                    .send(new TrafficSimulation(plan.center(), plan.seed(), plan.start(), plan.end(), plan.maxCalls()),
                            call -> {});
            summary.lines().forEach(out::println);
            return summary.clean() ? 0 : 1;
        } catch (SimulationException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    Plan plan(CommandLine line) {
        line.notBoth("--calls", "--days");
        line.notBoth("--rate", "--as-fast-as-possible");
        String apiKey = line.string("--api-key", environment.get("CALLRECORDS_API_KEY"));
        if (apiKey == null || apiKey.isBlank()) {
            throw new CommandLine.BadArguments("--api-key is required (or CALLRECORDS_API_KEY): a key of the account to fill.");
        }
        URI url = url(line.string("--url", "http://localhost:8080"));
        CallCenter center = CallCenter.withAgents((int) line.whole("--agents", 1, CallCenter.MAX_AGENTS, 20));
        long seed = line.has("--seed") ? seed(line.string("--seed", null))
                : ThreadLocalRandom.current().nextLong(1, 1_000_000_000);
        Instant start = line.has("--start") ? start(line.string("--start", null), center.zone()) : null;
        Instant endOfHistory = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        Instant end = null;
        long maxCalls = Long.MAX_VALUE;
        if (line.has("--calls")) {
            maxCalls = line.whole("--calls", 1, 100_000_000, 0);
            // Long enough a period, ending about an hour ago, for that many calls.
            double days = maxCalls / center.expectedCallsPerDay();
            start = start != null ? start : endOfHistory.minusSeconds((long) (days * 86_400));
        } else {
            long days = line.whole("--days", 1, 3_660, 1);
            start = start != null ? start : endOfHistory.minus(Duration.ofDays(days));
            end = start.plus(Duration.ofDays(days));
        }
        TrafficRun.Options send = new TrafficRun.Options((int) line.whole("--batch", 1, 10_000, 1_000),
                (int) line.whole("--connections", 1, 64, 2), line.positive("--rate", 1_000_000, 0));
        int audio = (int) line.whole("--audio", 0, 1_000_000, 0);
        return new Plan(url, apiKey, center, seed, start, end, maxCalls, send, audio, line.has("--skip-setup"));
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new CommandLine.BadArguments("--seed must be a whole number, not '" + value + "'.");
        }
    }

    private static URI url(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new CommandLine.BadArguments("--url must be an http:// or https:// address like http://localhost:8080, not '"
                + value + "'.");
    }

    private static Instant start(String value, ZoneId zone) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.BadArguments("--start must be a date (2026-03-24) or a time with offset"
                    + " (2026-03-24T09:00+03:00), not '" + value + "'.");
        }
    }

    private static String header(Plan plan) {
        CallCenter center = plan.center();
        String amount = plan.end() != null
                ? "from " + shown(plan.start(), center) + " to " + shown(plan.end(), center)
                : "%,d calls from %s on".formatted(plan.maxCalls(), shown(plan.start(), center));
        String pace = plan.send().callsPerSecond() > 0 ? "%,.1f calls/s".formatted(plan.send().callsPerSecond())
                : "as fast as possible";
        return "Simulating a %d-agent call center (%s), %s, seed %d, %s, into %s\n(repeat exactly with --seed %d --start %s)"
                .formatted(center.agents(), center.zone(), amount, plan.seed(), pace, plan.url(), plan.seed(),
                        plan.start().atZone(center.zone()).toOffsetDateTime());
    }

    private static String shown(Instant at, CallCenter center) {
        return SHOWN.format(at.atZone(center.zone()));
    }
}
