package io.callrecords.sources;

import io.callrecords.shared.CommandLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;

/**
 * The words of {@code callrecords sources rederive ...}, read in full before anything starts: a typo is answered at
 * once, and {@code --help} touches no data.
 */
public record SourcesCommand(String action, String dataDir, SourceKind source, Instant from, Instant to,
                             CommandLine options) {

    public static final String USAGE = """
            Usage: callrecords sources rederive --source freeswitch|asterisk --from DATE --to DATE [--account ID|NAME]
                                                [--data-dir DIR]
              rederive   translate again, from the raw documents kept, every call of the source whose first document
                         came in [--from, --to) (dates as 2026-12-01 in UTC, or instants as 2026-12-01T08:00:00Z), for
                         one account or all; run it after a mapping fix or a change of the source's profile. Calls
                         whose documents are past their retention are left as they are.
            --data-dir DIR is the service's data directory (as for ./callrecords accounts).
                   callrecords sources import freeswitch DIR --url URL --api-key KEY [--recordings DIR] [--state FILE]
              import     send a directory of FreeSWITCH CDR files to a running service (sources import --help).""";

    public static SourcesCommand parse(String[] args) {
        String action = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (action) {
            case "rederive" -> { }
            case "help", "--help", "-h" -> action = "help";
            case "" -> throw new CommandLine.BadArguments("Name an action: rederive (see ./callrecords sources --help).");
            default -> throw new CommandLine.BadArguments("Unknown action '" + action
                    + "': the actions are rederive and import (see ./callrecords sources --help).");
        }
        CommandLine options = CommandLine.parse(rest, Set.of("--help"),
                Set.of("--data-dir", "--source", "--from", "--to", "--account"), "sources");
        if (options.has("--help") || action.equals("help")) {
            return new SourcesCommand("help", null, null, null, null, options);
        }
        for (String needed : new String[] {"--source", "--from", "--to"}) {
            if (!options.has(needed)) {
                throw new CommandLine.BadArguments("sources rederive needs " + needed + " (see ./callrecords sources --help).");
            }
        }
        String named = options.string("--source", "");
        SourceKind source = SourceKind.fromWire(named).filter(k -> k != SourceKind.HIPCALL)
                .orElseThrow(() -> new CommandLine.BadArguments("--source: '" + named + "' is not a source that is"
                        + " translated; the sources are freeswitch and asterisk (Hipcall's records are mirrored as"
                        + " Hipcall computed them)."));
        Instant from = instant("--from", options.string("--from", ""));
        Instant to = instant("--to", options.string("--to", ""));
        if (!from.isBefore(to)) {
            throw new CommandLine.BadArguments("--to must be after --from.");
        }
        return new SourcesCommand(action, options.string("--data-dir", null), source, from, to, options);
    }

    public boolean help() {
        return action.equals("help");
    }

    private static Instant instant(String option, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.BadArguments(option + ": '" + value + "' is neither a date (2026-12-01) nor an"
                    + " instant (2026-12-01T08:00:00Z).");
        }
    }
}
