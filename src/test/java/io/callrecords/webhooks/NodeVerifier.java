package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The npm package {@code standardwebhooks}, run with the machine's Node, as a second independent
 * verifier. Installed into {@code target/node-verifier} on first use; a machine without Node or
 * npm fails the test, saying so.
 */
final class NodeVerifier {

    private static final Path DIR = Path.of("target", "node-verifier").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One message to check: secret, body, headers. */
    record Message(String secret, String body, String id, String timestamp, String signature) {}

    private NodeVerifier() {}

    /** "ok" or the verifier's error, one per message. */
    static List<String> verify(List<Message> messages) throws Exception {
        install();
        String script = """
                const { Webhook } = require("standardwebhooks");
                const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
                for (const m of input) {
                  try {
                    new Webhook(m.secret).verify(m.body, {
                      "webhook-id": m.id, "webhook-timestamp": m.timestamp, "webhook-signature": m.signature });
                    console.log("ok");
                  } catch (e) { console.log("rejected: " + e.message); }
                }""";
        return run(List.of("node", "-e", script), JSON.writeValueAsString(messages));
    }

    /** The package's own signature of a message at a given time (for the specification's vector). */
    static String sign(String secret, String id, long timestamp, String body) throws Exception {
        install();
        String script = """
                const { Webhook } = require("standardwebhooks");
                const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
                console.log(new Webhook(m.secret).sign(m.id, new Date(m.timestamp * 1000), m.body));""";
        return run(List.of("node", "-e", script), JSON.writeValueAsString(
                java.util.Map.of("secret", secret, "id", id, "timestamp", timestamp, "body", body))).getFirst();
    }

    private static synchronized void install() throws Exception {
        if (Files.isDirectory(DIR.resolve("node_modules/standardwebhooks"))) {
            return;
        }
        Files.createDirectories(DIR);
        List<String> out = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", DIR.toString(),
                "standardwebhooks"), "");
        if (!Files.isDirectory(DIR.resolve("node_modules/standardwebhooks"))) {
            fail("npm install standardwebhooks did not install the package:\n" + String.join("\n", out));
        }
    }

    private static List<String> run(List<String> command, String input) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("The Node verifier needs '" + command.getFirst() + "' (Node.js 18 or newer with npm) on the PATH: " + e.getMessage());
            throw e;
        }
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command.subList(0, Math.min(2, command.size()))) + " failed:\n" + output);
        }
        return output.lines().filter(l -> !l.isBlank() && !l.startsWith("npm warn")).toList();
    }
}
