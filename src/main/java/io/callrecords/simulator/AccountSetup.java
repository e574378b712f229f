package io.callrecords.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Makes the target account the simulated center, through the public API: its settings (time zone, region,
 * business hours, the 24/7 number's own hours, denylist, thresholds), so that the service derives the
 * missed-call reasons that were simulated, its address book, so that calls name their contacts, and its directory
 * (numbers, greetings, users, teams, extensions, voicemail boxes) with the very ids its events carry, so that calls
 * name their agents, queues and lines.
 */
public final class AccountSetup {

    /**
     * What was done: the settings version now in force, whether the address book was created now, and whether the
     * directory was.
     */
    public record Outcome(int settingsVersion, boolean addressBookCreated, int companies, int contacts,
                          boolean directoryCreated, int users, int teams) {}

    private static final int IMPORT_ROWS = 10_000;

    private final ServiceClient service;

    public AccountSetup(ServiceClient service) {
        this.service = service;
    }

    /**
     * @param effectiveFrom when the settings take effect: the start of the simulated period, so that every
     *                      simulated call (all in the past) is derived with them
     */
    public Outcome apply(CallCenter center, Instant effectiveFrom) {
        Map<String, Object> settings = new LinkedHashMap<>(center.settings());
        settings.put("effective_from", effectiveFrom.toString());
        ServiceClient.Answer changed = service.patch("/api/v3/account/settings", settings);
        if (changed.status() == 403) {
            throw new SimulationException("The API key lacks the 'admin' scope needed to give the account the simulated"
                    + " center's settings: use the account's first key, or --skip-setup (then missed-call reasons will"
                    + " follow the account's own settings).");
        }
        require(changed, "PATCH /api/v3/account/settings");
        int version = changed.body().path("data").path("version").asInt();
        boolean addressBook = !addressBookExists(center);
        if (addressBook) {
            Map<String, Long> companyIds = importCompanies(center.callers().companies());
            importContacts(center.callers(), companyIds);
        }
        boolean directory = !directoryExists(center);
        if (directory) {
            importDirectory(center);
        }
        return new Outcome(version, addressBook, center.callers().companies().size(), center.callers().contacts().size(),
                directory, center.staff().users().size(), center.staff().teams().size());
    }

    /** The directory is created once per account; its first line tells whether that happened. */
    private boolean directoryExists(CallCenter center) {
        String digits = center.lines().getFirst().number().substring(1);
        ServiceClient.Answer found = service.get("/api/v3/numbers?limit=1&q=" + URLEncoder.encode(digits, StandardCharsets.UTF_8));
        require(found, "GET /api/v3/numbers");
        return found.body().path("meta").path("count").asInt() > 0;
    }

    /**
     * The center's directory, each entry with the id the simulated events name it by: numbers ({@code number_id}),
     * the IVR menu and the after-hours greeting, the agents and their extensions, the queues with their members, and
     * the voicemail boxes (the agents', the queues' and the after-hours one). The smart IVR is a callee of its own
     * type in the events and has no entry.
     */
    private void importDirectory(CallCenter center) {
        List<Map<String, Object>> numbers = new ArrayList<>();
        for (PhoneLine line : center.lines()) {
            numbers.add(Map.of("id", line.numberId(), "name", "Line " + line.number(), "number", line.number()));
        }
        importRows("/api/v3/numbers/import", numbers);
        long menu = center.lines().stream().filter(l -> l.entry() == PhoneLine.Entry.GREETING)
                .mapToLong(PhoneLine::entryId).findFirst().orElse(0);
        List<Map<String, Object>> greetings = new ArrayList<>();
        if (menu > 0 && menu != center.closedGreeting()) {
            greetings.add(Map.of("id", menu, "name", "Main menu", "kind", "greeting"));
        }
        greetings.add(Map.of("id", center.closedGreeting(), "name", "Closed", "kind", "greeting"));
        importRows("/api/v3/greetings/import", greetings);
        List<Map<String, Object>> users = new ArrayList<>();
        List<Map<String, Object>> extensions = new ArrayList<>();
        List<Map<String, Object>> boxes = new ArrayList<>();
        boxes.add(Map.of("id", center.afterHoursVoicemailBox(), "name", "After hours", "type", "account"));
        for (Staff.User user : center.staff().users()) {
            users.add(Map.of("id", user.id(), "name", user.name(), "role", "agent"));
            extensions.add(Map.of("id", user.id(), "number", user.extension(), "target_type", "user", "target_id", user.id()));
            boxes.add(Map.of("id", user.voicemailBox(), "name", user.name(), "type", "user", "user_id", user.id()));
        }
        importRows("/api/v3/users/import", users);
        List<Map<String, Object>> teams = new ArrayList<>();
        for (Staff.Team team : center.staff().teams()) {
            teams.add(Map.of("id", team.id(), "name", team.name(), "members", team.members()));
            boxes.add(Map.of("id", team.voicemailBox(), "name", team.name(), "type", "account"));
        }
        importRows("/api/v3/teams/import", teams);
        importRows("/api/v3/extensions/import", extensions);
        importRows("/api/v3/voicemail-boxes/import", boxes);
    }

    /**
     * The address book is created once per account; its first company's number (which differs between
     * centers of different sizes) tells whether that happened.
     */
    private boolean addressBookExists(CallCenter center) {
        String digits = center.callers().companies().getFirst().number().substring(1);
        ServiceClient.Answer found = service.get("/api/v3/companies?limit=1&q=" + URLEncoder.encode(digits, StandardCharsets.UTF_8));
        require(found, "GET /api/v3/companies");
        return found.body().path("meta").path("count").asInt() > 0;
    }

    private Map<String, Long> importCompanies(List<CallerPool.Company> companies) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CallerPool.Company company : companies) {
            rows.add(Map.of("name", company.name(), "phone_numbers", List.of(company.number())));
        }
        importRows("/api/v3/companies/import", rows);
        // The import answers a count only: read the ids back, a page at a time.
        Map<String, Long> ids = new HashMap<>();
        for (int offset = 0; ; offset += 100) {
            ServiceClient.Answer page = service.get("/api/v3/companies?limit=100&offset=" + offset);
            require(page, "GET /api/v3/companies");
            for (JsonNode company : page.body().path("data")) {
                ids.putIfAbsent(company.path("name").asString(), company.path("id").asLong());
            }
            if (page.body().path("data").size() < 100) {
                return ids;
            }
        }
    }

    private void importContacts(CallerPool callers, Map<String, Long> companyIds) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CallerPool.Contact contact : callers.contacts()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", contact.name());
            if (contact.email() != null) {
                row.put("email", contact.email());
            }
            if (contact.company() >= 0) {
                row.put("company_id", companyIds.get(callers.companies().get(contact.company()).name()));
            }
            row.put("phone_numbers", List.of(contact.number()));
            rows.add(row);
        }
        importRows("/api/v3/contacts/import", rows);
    }

    private void importRows(String path, List<Map<String, Object>> rows) {
        for (int from = 0; from < rows.size(); from += IMPORT_ROWS) {
            require(service.post(path, rows.subList(from, Math.min(rows.size(), from + IMPORT_ROWS))), "POST " + path);
        }
    }

    private static void require(ServiceClient.Answer answer, String request) {
        if (!answer.ok()) {
            String body = answer.raw() == null ? "" : answer.raw();
            throw new SimulationException("Setting up the account failed: " + request + " answered " + answer.status()
                    + (body.isBlank() ? "." : ": " + body.substring(0, Math.min(300, body.length()))));
        }
    }
}
