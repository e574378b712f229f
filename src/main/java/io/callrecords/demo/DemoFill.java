package io.callrecords.demo;

import io.callrecords.simulator.AccountSetup;
import io.callrecords.simulator.CallCenter;
import io.callrecords.simulator.ProgressBar;
import io.callrecords.simulator.RunSummary;
import io.callrecords.simulator.ServiceClient;
import io.callrecords.simulator.SimulatedCall;
import io.callrecords.simulator.SimulationException;
import io.callrecords.simulator.TrafficRun;
import io.callrecords.simulator.TrafficSimulation;
import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Creates the demo account and fills it with simulated traffic, through the service's own API. */
final class DemoFill {

    /** Calls of the demo that get generated audio (recording or voicemail): enough to try the players. */
    static final int AUDIO_CALLS = 500;
    /** The calls that get audio are those of the period's last day: the newest, which people open first. */
    static final Duration AUDIO_PERIOD = Duration.ofDays(1);

    /** The same demo every time, but for its dates. */
    static final long SEED = 7;
    static final String ACCOUNT_NAME = "Demo call center";
    static final String ADMIN_NAME = "Demo administrator";
    static final String ADMIN_EMAIL = "admin@demo.example";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoFill() {}

    /** A new demo's traffic: the days ending an hour ago. */
    static DemoState plan(int days, int agents, Instant now) {
        Instant end = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        return DemoState.planned(SEED, end.minus(Duration.ofDays(days)), days, agents);
    }

    /** {@code POST /admin/accounts} with the demo's operator token; returns the new account's key. */
    static String createAccount(URI service, String operatorToken) {
        ServiceClient.Answer created = new ServiceClient(service, operatorToken).post("/admin/accounts",
                Map.of("name", ACCOUNT_NAME, "rate_limit_per_minute", 1_000_000));
        if (created.status() != 201) {
            throw new SimulationException("Creating the demo account failed with " + created.status() + ": " + created.raw());
        }
        return created.body().path("data").path("api_key").asString();
    }

    /**
     * The person who signs in to the demo's pages: an administrator with a random password, created through
     * {@code POST /api/v3/users} with the account's key. Demos made before people could sign in get one on their
     * next start.
     */
    static DemoState createAdministrator(URI service, DemoState state) {
        String password = randomPassword();
        ServiceClient.Answer created = new ServiceClient(service, state.apiKey()).post("/api/v3/users",
                Map.of("name", ADMIN_NAME, "email", ADMIN_EMAIL, "role", "admin", "title", "Call-center manager",
                        "password", password));
        if (created.status() != 201) {
            throw new SimulationException("Creating the demo's administrator failed with " + created.status() + ": "
                    + created.raw());
        }
        return state.withAdmin(ADMIN_EMAIL, password);
    }

    /** Four groups of four letters and digits that cannot be mistaken for each other. */
    static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** Sends the whole period (again, if an earlier fill stopped half-way: what is there already counts as duplicates). */
    static DemoState fill(URI service, DemoState state, PrintStream out, PrintStream progressOut) {
        CallCenter center = CallCenter.withAgents(state.agents());
        ServiceClient client = new ServiceClient(service, state.apiKey());
        new AccountSetup(client).apply(center, state.start());
        Instant end = state.start().plus(Duration.ofDays(state.days()));
        String[] samples = new String[2];
        DemoAudio audio = new DemoAudio(end.minus(AUDIO_PERIOD), AUDIO_CALLS);
        RunSummary summary = new TrafficRun(client, new TrafficRun.Options(1_000, 2, 0), audio,
                ProgressBar.forPeriod(progressOut, state.start(), end))
                .send(new TrafficSimulation(center, state.seed(), state.start(), end, Long.MAX_VALUE), call -> {
                    if (call.connectedUser() != null && call.queued()) {
                        samples[0] = call.uuid().toString();
                    }
                    if (call.returns() != null) {
                        samples[1] = call.returns().toString();
                    }
                });
        summary.lines().forEach(line -> out.println("  " + line));
        if (!summary.clean()) {
            throw new SimulationException("The service refused some of the demo's events (see above).");
        }
        return state.filledWith(samples[0], samples[1], audio.newestRecordedCall());
    }

    static String describe(DemoState state) {
        CallCenter center = CallCenter.withAgents(state.agents());
        return "a %d-agent call center in %s, %d day%s of traffic".formatted(center.agents(), center.zone(),
                state.days(), state.days() == 1 ? "" : "s");
    }
}
