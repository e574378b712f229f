package io.callrecords.sources.asterisk.agent;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./callrecords connect asterisk ...}: runs beside the PBX and pushes its CEL events (AMI, live) and queue_log
 * lines (tailed by offset) to the service, through a durable spool: what AMI or the file gave is on disk before it
 * is sent, and marked sent only once the service acknowledged it. After an AMI gap the CEL CSV is swept from where
 * it was last read (the service keeps one of each event). Exits with a sentence on bad credentials.
 */
public final class ConnectAsterisk {

    public static final String USAGE = """
            Usage: ./callrecords connect asterisk --ami HOST:5038 --ami-user U --ami-secret S --url URL --api-key K
                                                  [--queue-log FILE] [--cel-csv FILE] [--spool DIR]
              Pushes Asterisk's CEL events (AMI Event: CEL) and queue_log lines to Callrecords.
              --ami              the PBX's manager interface (manager.conf), e.g. 127.0.0.1:5038
              --ami-user/secret  a manager.conf user with read = cdr
              --url              the service, e.g. https://calls.example.com
              --api-key          a key of the account with the write scope
              --queue-log        /var/log/asterisk/queue_log, tailed (rotation followed)
              --cel-csv          the cel_custom CSV (/var/log/asterisk/cel-custom/Master.csv), swept after an AMI gap
              --spool            where events wait to be acknowledged (default ./asterisk-spool)""";

    /** cel_custom's columns in the order of the cel_custom.conf snippet the settings page and docs/asterisk.md give. */
    static final String CSV_HEADER =
            "eventtype,eventtime,cid_name,cid_num,cid_dnid,exten,context,channame,appname,appdata,uniqueid,linkedid,peer,extra";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 1000;

    private final String amiHost;
    private final int amiPort;
    private final String amiUser;
    private final String amiSecret;
    private final URI service;
    private final String apiKey;
    private final Path queueLog;
    private final Path celCsv;
    private final Spool spool;
    private final Path spoolDir;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong spooled = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private volatile String fatal;

    private ConnectAsterisk(CommandLine args, PrintStream out) throws IOException {
        String ami = required(args, "--ami");
        int colon = ami.lastIndexOf(':');
        this.amiHost = colon < 0 ? ami : ami.substring(0, colon);
        this.amiPort = colon < 0 ? 5038 : Integer.parseInt(ami.substring(colon + 1));
        this.amiUser = required(args, "--ami-user");
        this.amiSecret = required(args, "--ami-secret");
        String url = required(args, "--url");
        this.service = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.apiKey = required(args, "--api-key");
        this.queueLog = args.has("--queue-log") ? Path.of(args.string("--queue-log", null)) : null;
        this.celCsv = args.has("--cel-csv") ? Path.of(args.string("--cel-csv", null)) : null;
        this.spoolDir = Path.of(args.string("--spool", "asterisk-spool"));
        this.spool = new Spool(spoolDir);
        this.out = out;
    }

    /** {@code args} after {@code connect asterisk}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ConnectAsterisk agent;
        try {
            CommandLine line = CommandLine.parse(args, Set.of("--help"), Set.of("--ami", "--ami-user", "--ami-secret",
                    "--url", "--api-key", "--queue-log", "--cel-csv", "--spool"), "connect asterisk");
            if (line.has("--help")) {
                out.println(USAGE);
                return 0;
            }
            agent = new ConnectAsterisk(line, out);
        } catch (CommandLine.BadArguments | NumberFormatException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (IOException e) {
            err.println("The spool directory cannot be used: " + e.getMessage());
            return 2;
        }
        return agent.run(err);
    }

    private static String required(CommandLine args, String name) {
        String v = args.string(name, null);
        if (v == null) {
            throw new CommandLine.BadArguments(name + " is required.");
        }
        return v;
    }

    private int run(PrintStream err) {
        Thread ami = Thread.ofPlatform().daemon().name("ami").start(this::readAmi);
        if (queueLog != null) {
            Thread.ofPlatform().daemon().name("queue-log").start(this::tailQueueLog);
        }
        long backoff = 1000;
        long lastReport = 0;
        while (fatal == null) {
            try {
                int sent = forwardOnce();
                backoff = 1000;
                if (sent == 0) {
                    Thread.sleep(200);
                }
            } catch (ServiceRefused e) {
                fatal = e.getMessage();
            } catch (IOException e) {
                out.println("The service at " + service + " cannot be reached (" + e.getMessage() + "); "
                        + behind() + " waiting in the spool, trying again in " + backoff / 1000 + " s.");
                sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            if (System.currentTimeMillis() - lastReport > 10_000) {
                lastReport = System.currentTimeMillis();
                out.println("Forwarded " + forwarded.get() + ", spooled " + spooled.get() + ", behind by " + behind()
                        + ".");
            }
        }
        err.println(fatal);
        ami.interrupt();
        return 3;
    }

    private String behind() {
        try {
            int lines = spool.next(100_000).lines().size();
            return lines + " event" + (lines == 1 ? "" : "s");
        } catch (IOException e) {
            return "an unknown number of events";
        }
    }

    /** The service said the key is wrong: retrying cannot help. */
    private static final class ServiceRefused extends IOException {
        ServiceRefused(String message) {
            super(message);
        }
    }

    /** Sends the next batch of the spool, kind by kind; returns how many items it sent. */
    private int forwardOnce() throws IOException {
        Spool.Batch batch = spool.next(BATCH);
        if (batch.lines().isEmpty()) {
            return 0;
        }
        long offset = spool.acknowledged();
        int i = 0;
        while (i < batch.lines().size()) {
            JsonNode first = readItem(batch.lines().get(i));
            if (first == null) {
                // A line cut short by a crash while it was written: kept aside, never sent as something else.
                Files.writeString(spoolDir.resolve("rejected.ndjson"), batch.lines().get(i) + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                offset += batch.lines().get(i).getBytes(StandardCharsets.UTF_8).length + 1;
                spool.acknowledge(offset);
                i++;
                continue;
            }
            String kind = first.path("k").asString();
            List<JsonNode> group = new ArrayList<>();
            long end = offset;
            while (i < batch.lines().size()) {
                String line = batch.lines().get(i);
                JsonNode item = readItem(line);
                if (item == null || !item.path("k").asString().equals(kind)) {
                    break;
                }
                group.add(item);
                end += line.getBytes(StandardCharsets.UTF_8).length + 1;
                i++;
            }
            send(kind, group);
            spool.acknowledge(end);
            offset = end;
            forwarded.addAndGet(group.size());
        }
        return batch.lines().size();
    }

    private static JsonNode readItem(String line) {
        try {
            JsonNode item = JSON.readTree(line);
            return item.isObject() && item.has("k") ? item : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void send(String kind, List<JsonNode> group) throws IOException {
        String path;
        String type;
        StringBuilder body = new StringBuilder();
        switch (kind) {
            case "cel" -> {
                path = "/api/v3/sources/asterisk/cel";
                type = "application/json";
                body.append('[');
                for (int i = 0; i < group.size(); i++) {
                    body.append(i == 0 ? "" : ",").append(group.get(i).path("e"));
                }
                body.append(']');
            }
            case "csv" -> {
                path = "/api/v3/sources/asterisk/cel";
                type = "text/csv";
                body.append(CSV_HEADER).append('\n');
                group.forEach(g -> body.append(g.path("l").asString()).append('\n'));
            }
            default -> {
                path = "/api/v3/sources/asterisk/queue-log";
                type = "text/plain";
                group.forEach(g -> body.append(g.path("l").asString()).append('\n'));
            }
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(service + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + apiKey).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ServiceRefused("The service refused the API key (HTTP " + status + "): give --api-key a key of"
                    + " the account with the write scope (Settings → Sources → Asterisk shows the command line).");
        }
        if (status == 422 || status == 400 || status == 413) {
            // Never dropped: kept aside with the service's reason, for an operator to look at.
            Path rejected = spoolDir.resolve("rejected.ndjson");
            StringBuilder kept = new StringBuilder();
            group.forEach(g -> kept.append(g).append('\n'));
            Files.writeString(rejected, kept, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            out.println("The service could not read " + group.size() + " " + kind + " item(s): " + response.body()
                    + " — kept in " + rejected + ".");
            return;
        }
        if (status / 100 != 2) {
            throw new IOException("HTTP " + status);
        }
    }

    private void readAmi() {
        long backoff = 1000;
        boolean gap = true;
        FileTail csv = null;
        try {
            csv = celCsv == null ? null : new FileTail(celCsv, spoolDir.resolve("cel-csv.state"), true);
        } catch (IOException e) {
            out.println("The CEL CSV " + celCsv + " cannot be read: " + e.getMessage());
        }
        while (fatal == null && !Thread.currentThread().isInterrupted()) {
            try (AmiConnection ami = AmiConnection.open(amiHost, amiPort, amiUser, amiSecret)) {
                out.println("Connected to AMI at " + amiHost + ":" + amiPort + " as " + amiUser + ".");
                backoff = 1000;
                if (gap && csv != null) {
                    List<String> rows = csv.read();
                    List<String> items = new ArrayList<>();
                    for (String row : rows) {
                        ObjectNode o = JSON.createObjectNode().put("k", "csv").put("l", row);
                        items.add(o.toString());
                    }
                    spool.append(items);
                    csv.commit();
                    spooled.addAndGet(items.size());
                    if (!items.isEmpty()) {
                        out.println("Swept " + items.size() + " CEL rows from " + celCsv + " after the gap.");
                    }
                }
                gap = false;
                List<String> pending = new ArrayList<>();
                Map<String, String> message;
                while ((message = ami.next()) != null) {
                    if ("CEL".equalsIgnoreCase(message.get("Event"))) {
                        ObjectNode e = JSON.createObjectNode();
                        message.forEach((k, v) -> {
                            if (!k.equals("Event") && !k.equals("Privilege")) {
                                e.put(k, v);
                            }
                        });
                        pending.add(JSON.createObjectNode().put("k", "cel").set("e", e).toString());
                    }
                    if (!pending.isEmpty() && (pending.size() >= BATCH || !ami.more())) {
                        spool.append(pending);
                        spooled.addAndGet(pending.size());
                        pending.clear();
                    }
                }
                spool.append(pending);
                out.println("AMI closed the connection; reconnecting.");
            } catch (AmiConnection.Refused e) {
                fatal = "AMI at " + amiHost + ":" + amiPort + " refused the login of '" + amiUser + "': "
                        + e.getMessage() + ". Check the [" + amiUser + "] section of manager.conf (secret, permit,"
                        + " read = cdr).";
                return;
            } catch (IOException e) {
                out.println("AMI at " + amiHost + ":" + amiPort + " is not reachable (" + e.getMessage()
                        + "); trying again in " + backoff / 1000 + " s.");
            }
            gap = true;
            sleep(backoff);
            backoff = Math.min(backoff * 2, 30_000);
        }
    }

    private void tailQueueLog() {
        try {
            FileTail tail = new FileTail(queueLog, spoolDir.resolve("queue-log.state"), true);
            while (fatal == null) {
                List<String> lines = tail.read();
                if (!lines.isEmpty()) {
                    List<String> items = new ArrayList<>();
                    lines.forEach(l -> items.add(JSON.createObjectNode().put("k", "ql").put("l", l).toString()));
                    spool.append(items);
                    spooled.addAndGet(items.size());
                }
                tail.commit();
                Thread.sleep(500);
            }
        } catch (IOException e) {
            out.println("The queue_log " + queueLog + " cannot be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
