package io.callrecords.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory of a simulated center as the import requests of {@code /api/v3/users}, {@code /teams},
 * {@code /numbers}, {@code /greetings}, {@code /extensions} and {@code /voicemail-boxes} take it: every entry with the
 * id its calls carry, so that the pages, the export and the reports name the agents, queues, lines, menus and
 * voicemail boxes of the simulated traffic. In the order the imports must run (members and targets first).
 */
final class CenterDirectory {

    /** One import request: its path and its rows. */
    record Import(String path, List<Map<String, Object>> rows) {}

    private static final Map<Long, String> LINE_NAMES = Map.of(1L, "Main line", 2L, "Sales line", 3L, "Support line");

    private CenterDirectory() {}

    static List<Import> of(CallCenter center) {
        Staff staff = center.staff();
        List<Map<String, Object>> users = new ArrayList<>();
        List<Map<String, Object>> extensions = new ArrayList<>();
        List<Map<String, Object>> boxes = new ArrayList<>();
        for (Staff.User user : staff.users()) {
            users.add(row("id", user.id(), "name", user.name(), "email", Names.email(user.name(), (int) user.id()),
                    "title", "Agent", "role", "agent"));
            extensions.add(row("id", user.id(), "number", user.extension(), "target_type", "user", "target_id", user.id()));
            boxes.add(row("id", user.voicemailBox(), "name", user.name() + "'s voicemail", "type", "user",
                    "user_id", user.id()));
        }
        List<Map<String, Object>> teams = new ArrayList<>();
        for (Staff.Team team : staff.teams()) {
            teams.add(row("id", team.id(), "name", team.name() + " queue", "strategy", "longest_idle",
                    "members", team.members()));
            boxes.add(row("id", team.voicemailBox(), "name", team.name() + " voicemail", "type", "account"));
        }
        boxes.add(row("id", center.afterHoursVoicemailBox(), "name", "After-hours voicemail", "type", "account"));
        List<Map<String, Object>> numbers = new ArrayList<>();
        List<Map<String, Object>> greetings = new ArrayList<>();
        for (PhoneLine line : center.lines()) {
            numbers.add(row("id", line.numberId(), "name", LINE_NAMES.getOrDefault(line.numberId(),
                    "Line " + line.numberId()), "number", line.number()));
            switch (line.entry()) {
                case GREETING -> greetings.add(row("id", line.entryId(), "name", "Main menu", "kind", "greeting"));
                case SMART_IVR -> greetings.add(row("id", line.entryId(), "name", "Support assistant", "kind", "smart_ivr"));
                case TEAM -> { }
            }
        }
        greetings.add(row("id", center.closedGreeting(), "name", "After-hours message", "kind", "greeting"));
        return List.of(new Import("/api/v3/users/import", users), new Import("/api/v3/teams/import", teams),
                new Import("/api/v3/numbers/import", numbers), new Import("/api/v3/greetings/import", greetings),
                new Import("/api/v3/extensions/import", extensions),
                new Import("/api/v3/voicemail-boxes/import", boxes));
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
