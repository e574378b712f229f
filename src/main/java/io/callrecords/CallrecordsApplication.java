package io.callrecords;

import io.callrecords.accounts.AccountsCli;
import io.callrecords.bench.BenchCommand;
import io.callrecords.demo.DemoCommand;
import io.callrecords.simulator.SimulateCommand;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;

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

    static {
        // Webhooks connect to the address they checked and name the host in the Host header (SSRF
        // guard); the JDK's HTTP client allows that header only when told so before its first use.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> SpringApplication.run(CallrecordsApplication.class, Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
            case "accounts" -> System.exit(runCli(args));
            case "bench" -> System.exit(runBench(args));
            case "simulate" -> System.exit(SimulateCommand.run(Arrays.copyOfRange(args, 1, args.length)));
            case "demo" -> {
                // On success the service keeps running (and the process with it) until stopped.
                int code = DemoCommand.run(Arrays.copyOfRange(args, 1, args.length), CallrecordsApplication::startService);
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

    private static int runCli(String[] args) {
        var context = new SpringApplicationBuilder(CallrecordsApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("callrecords.mode=cli", "spring.main.banner-mode=off", "logging.level.root=WARN")
                .run();
        try (context) {
            return context.getBean(AccountsCli.class).run(Arrays.copyOfRange(args, 1, args.length));
        }
    }

    /** The service with the given properties as command-line arguments, which win over the environment. */
    private static AutoCloseable startService(Map<String, String> properties) {
        String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        return SpringApplication.run(CallrecordsApplication.class, args);
    }

    private static int runBench(String[] args) {
        try {
            return BenchCommand.run(Arrays.copyOfRange(args, 1, args.length));
        } catch (Exception e) {
            System.err.println("The benchmark failed: " + e);
            return 1;
        }
    }

    static String usage() {
        return """
                Usage: callrecords <command>
                  serve                                   run the service (default)
                  accounts create --name NAME [--rate-limit N]
                                                          create an account and print its first API key
                  accounts list                           list the accounts
                  simulate --api-key KEY [--calls N | --days D] [--rate R | --as-fast-as-possible] [--seed S] ...
                                                          send a simulated call center's traffic to a running service
                  demo [--port P] [--data-dir DIR] [--fresh]
                                                          run the service with a week of simulated traffic in ./data-demo
                  bench [NAME [options]]                  run the benchmarks (bench --help lists them)""";
    }
}
