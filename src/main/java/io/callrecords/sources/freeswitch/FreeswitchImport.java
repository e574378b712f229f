package io.callrecords.sources.freeswitch;

import io.callrecords.shared.CommandLine;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code callrecords sources import freeswitch DIR}: a {@code log-dir} or {@code err-log-dir} of mod_json_cdr /
 * mod_xml_cdr files sent to a running service, one POST per leg as FreeSWITCH itself would, for history and for the
 * posts that failed while the service was down. Idempotent (the service keeps a leg once) and resumable: the names
 * of the files the service acknowledged are appended to a state file, and a second run skips them. With
 * {@code --recordings DIR}, a leg's {@code record_name} found there is uploaded as the call's recording.
 */
public final class FreeswitchImport {

    public static final String USAGE = """
            Usage: callrecords sources import freeswitch DIR --url URL --api-key KEY [--recordings DIR] [--state FILE]
              Sends every CDR file of DIR (FreeSWITCH's log-dir or err-log-dir: *.json and *.xml, one leg each) to
              POST /api/v3/sources/freeswitch/cdr of the service at URL (default http://localhost:8080) with a key of
              the write scope. Files already acknowledged are listed in the state file (default DIR/.callrecords-imported)
              and skipped the next time, so an interrupted import goes on where it stopped; the service keeps each leg
              once anyway. --recordings DIR: the recordings directory; a leg whose record_name is a file there has it
              uploaded as its call's recording.""";

    private static final Set<String> FLAGS = Set.of("--help");
    private static final Set<String> VALUED = Set.of("--url", "--api-key", "--recordings", "--state");
    private static final int ATTEMPTS = 5;

    private final URI base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final PrintStream out;
    private final PrintStream err;

    private FreeswitchImport(URI base, String apiKey, PrintStream out, PrintStream err) {
        this.base = base;
        this.apiKey = apiKey;
        this.out = out;
        this.err = err;
    }

    /** {@code args}: what follows {@code sources import}. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("freeswitch")) {
            err.println("sources import: '" + args[0] + "' cannot be imported from files; the source is freeswitch.");
            return 2;
        }
        if (args.length < 2 || args[1].startsWith("--")) {
            err.println("sources import freeswitch needs the directory of the CDR files (see --help).");
            return 2;
        }
        CommandLine options;
        try {
            options = CommandLine.parse(java.util.Arrays.copyOfRange(args, 2, args.length), FLAGS, VALUED,
                    "sources import");
        } catch (CommandLine.BadArguments e) {
            err.println(e.getMessage());
            return 2;
        }
        if (options.has("--help")) {
            out.println(USAGE);
            return 0;
        }
        Path dir = Path.of(args[1]);
        if (!Files.isDirectory(dir)) {
            err.println("sources import: " + dir + " is not a directory.");
            return 2;
        }
        if (!options.has("--api-key")) {
            err.println("sources import needs --api-key (a key with the write scope).");
            return 2;
        }
        URI base;
        try {
            base = URI.create(options.string("--url", "http://localhost:8080").replaceAll("/+$", "") + "/");
        } catch (IllegalArgumentException e) {
            err.println("--url: " + e.getMessage());
            return 2;
        }
        Path recordings = options.has("--recordings") ? Path.of(options.string("--recordings", "")) : null;
        Path state = Path.of(options.string("--state", dir.resolve(".callrecords-imported").toString()));
        try {
            return new FreeswitchImport(base, options.string("--api-key", ""), out, err).importAll(dir, recordings, state);
        } catch (IOException e) {
            err.println("sources import: " + e.getMessage());
            return 1;
        }
    }

    private int importAll(Path dir, Path recordings, Path state) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(Files::isRegularFile).filter(FreeswitchImport::isCdrFile).sorted().toList();
        }
        Set<String> done = new HashSet<>(Files.exists(state) ? Files.readAllLines(state) : List.of());
        int sent = 0;
        int skipped = 0;
        int rejected = 0;
        int uploaded = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = file.getFileName().toString();
            if (done.contains(name)) {
                skipped++;
            } else {
                byte[] body = Files.readAllBytes(file);
                HttpResponse<String> answer = post("api/v3/sources/freeswitch/cdr", contentType(name), body);
                if (answer.statusCode() == 200) {
                    sent++;
                    uploaded += uploadRecording(body, recordings);
                    Files.writeString(state, name + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                } else if (answer.statusCode() == 400) {
                    rejected++;
                    err.println("\r" + name + " is not a CDR the service can read: " + answer.body());
                } else {
                    err.println("\r" + name + ": the service answered " + answer.statusCode() + " " + answer.body()
                            + "; stopped here (run the same command again to go on).");
                    return 1;
                }
            }
            progress(i + 1, files.size());
        }
        out.println("\r" + files.size() + " files: " + sent + " sent, " + skipped + " already imported, " + rejected
                + " not CDRs" + (recordings == null ? "" : ", " + uploaded + " recordings uploaded") + ".");
        return rejected == 0 ? 0 : 1;
    }

    private static boolean isCdrFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".json") || name.endsWith(".xml"));
    }

    private static String contentType(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".xml") ? "application/xml" : "application/json";
    }

    /** Uploads the recording a leg names, when the recordings directory has it; 1 when one was uploaded. */
    private int uploadRecording(byte[] cdr, Path recordings) throws IOException {
        if (recordings == null) {
            return 0;
        }
        Leg leg;
        try {
            leg = Leg.read(new String(cdr, StandardCharsets.UTF_8));
        } catch (RuntimeException unreadable) {
            return 0;
        }
        String name = leg.var("record_name");
        if (name == null || leg.uuid() == null || name.contains("/") || name.contains("\\")) {
            return 0;
        }
        Optional<Path> audio = find(recordings, name);
        if (audio.isEmpty()) {
            err.println("\rThe recording " + name + " of leg " + leg.uuid() + " is not in " + recordings + ".");
            return 0;
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("api/v3/calls/" + LegKeys.callKey(leg)
                        + "/recording")).header("Content-Type", audioType(name))
                .PUT(HttpRequest.BodyPublishers.ofFile(audio.get())));
        if (answer.statusCode() / 100 != 2) {
            err.println("\rThe recording " + name + " was not taken: " + answer.statusCode() + " " + answer.body());
            return 0;
        }
        return 1;
    }

    /** The file of that name in the recordings directory or below (FusionPBX files them by domain and date). */
    private static Optional<Path> find(Path recordings, String name) throws IOException {
        Path direct = recordings.resolve(name);
        if (Files.isRegularFile(direct)) {
            return Optional.of(direct);
        }
        try (Stream<Path> walk = Files.walk(recordings, 6)) {
            return walk.filter(p -> p.getFileName().toString().equals(name) && Files.isRegularFile(p)).findFirst();
        }
    }

    private static String audioType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".mp3") ? "audio/mpeg" : lower.endsWith(".ogg") ? "audio/ogg" : "audio/wav";
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends with the key; a refused connection or a 429/503 is retried with backoff before giving up. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        HttpRequest built = request.timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + apiKey).build();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> answer = http.send(built, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 401) {
                    throw new IOException("the service at " + base + " does not accept the API key (401): check --api-key");
                }
                if ((answer.statusCode() != 429 && answer.statusCode() != 503) || attempt == ATTEMPTS) {
                    return answer;
                }
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().contains("(401)")) {
                    throw e;
                }
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            try {
                Thread.sleep(200L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        throw new IOException("cannot reach the service at " + base + " (" + last + "): is it running, and is --url right?");
    }

    private void progress(int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
        out.flush();
    }
}
