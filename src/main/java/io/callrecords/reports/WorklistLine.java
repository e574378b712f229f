package io.callrecords.reports;

import io.callrecords.calls.MissingCallReason;
import io.callrecords.directory.Directory;
import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One caller number of the worklist over a period: its missed calls (denylisted ones aside), what became of them,
 * and who the caller is when the address book knows.
 *
 * @param contactId      the contact of the newest missed call; null when unknown
 * @param companyId      the company of the newest missed call; null when unknown
 * @param reasons        missed calls per reason, only the reasons the line has
 * @param returned       missed calls with a callback
 * @param unreturned     missed calls without a callback and not covered by the active dismissal
 * @param lastCallbackAt start of the call that returned the newest returned missed call; null when none was
 * @param dismissal      the active dismissal of the number; null when there is none
 */
record WorklistLine(String number, Long contactId, String contactName, Long companyId, String companyName,
                    long missedCalls, Instant firstMissedAt, Instant lastMissedAt, Map<String, Long> reasons,
                    long returned, long unreturned, Instant lastCallbackAt, UUID callbackCdrUuid, WorklistStatus status,
                    Dismissal dismissal) {

    /** The reasons of the worklist's calls, in the order of call-records.md §3.7: denylisted callers are not in it. */
    static final List<MissingCallReason> REASONS = Arrays.stream(MissingCallReason.values())
            .filter(r -> r != MissingCallReason.DENYLIST).toList();

    /** The line of the current row of a {@link WorklistSql} page, without names. */
    static WorklistLine map(ResultSet rs) throws SQLException {
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (MissingCallReason reason : REASONS) {
            long calls = rs.getLong(WorklistSql.reasonColumn(reason));
            if (calls > 0) {
                reasons.put(reason.wire(), calls);
            }
        }
        return new WorklistLine(rs.getString("number"), rs.getObject("contact_id", Long.class), null,
                rs.getObject("company_id", Long.class), null, rs.getLong("missed_calls"),
                Timestamps.fromDb(rs, "first_missed_at"), Timestamps.fromDb(rs, "last_missed_at"), reasons,
                rs.getLong("returned"), rs.getLong("unreturned"), Timestamps.fromDb(rs, "last_callback_at"),
                rs.getObject("callback_cdr_uuid", UUID.class),
                WorklistStatus.fromWire(rs.getString("status")).orElseThrow(), Dismissals.map(rs));
    }

    WorklistLine named(Directory.Names names) {
        String contactName = contactId == null ? null : names.contacts().get(contactId);
        String companyName = companyId == null ? null : names.companies().get(companyId);
        return new WorklistLine(number, contactId, contactName, companyId, companyName, missedCalls, firstMissedAt,
                lastMissedAt, reasons, returned, unreturned, lastCallbackAt, callbackCdrUuid, status, dismissal);
    }
}
