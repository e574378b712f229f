package io.callrecords.calls;

/** Example bodies of the calls endpoints, for the OpenAPI document. */
final class CallExamples {

    static final String RECORD = """
            {"uuid": "caedfd1b-25ec-447e-ad87-3b7eb3d358ea", "direction": "inbound", "number_id": 717,
             "channel_type": "number", "channel_id": 717, "caller_number": "+905321234567",
             "callee_number": "+908502010000", "caller_type": "contact", "caller_id": 31, "callee_type": "greeting",
             "callee_id": 1, "user_id": null, "contact_id": 31, "company_id": 7, "related_type": "contact",
             "related_id": 31, "started_at": "2026-03-26T09:31:32Z", "answered_at": "2026-03-26T09:31:32Z",
             "bridged_at": null, "ended_at": "2026-03-26T09:32:10Z", "team_touch_at": "2026-03-26T09:31:38Z",
             "first_touch_duration": 0, "call_duration": 38, "missing_call": true, "missing_call_reason": "abandoned",
             "hangup_by": "contact", "record_url": null, "voicemail_url": null, "voicemail_id": null,
             "voicemail_type": null, "callback_user_id": 42, "callback_time": 1260,
             "callback_cdr_uuid": "fcc10162-820f-4ade-a83c-409f754ec06e", "credited": false,
             "updated_at": "2026-03-26T09:53:11Z",
             "call_flow": [{"action": "hangup", "detail": {"hangup_by": "contact"}, "timestamp": 1774517530},
                           {"action": "route", "detail": {"id": 5, "type": "team"}, "timestamp": 1774517498},
                           {"action": "answer", "detail": {"id": 1, "type": "greeting"}, "timestamp": 1774517492},
                           {"action": "init", "detail": {"id": 1, "type": "greeting"}, "timestamp": 1774517492}]}""";

    static final String ONE = "{\"data\": " + RECORD + "}";

    static final String LIST = "{\"data\": [" + RECORD + "], \"meta\": {\"count\": 1342, \"offset\": 0, \"limit\": 10,"
            + " \"next_cursor\": \"YzF8c3RhcnRlZF9hdC5kZXNjfDE3NzQ1MTc0OTIyNTAwMDB8Y2FlZGZkMWItMjVlYy00NDdlLWFkODctM2I3ZWIzZDM1OGVh\"}}";

    static final String NDJSON = "{\"uuid\":\"caedfd1b-25ec-447e-ad87-3b7eb3d358ea\",\"direction\":\"inbound\","
            + "\"number_id\":717, ...,\"updated_at\":\"2026-03-26T09:53:11Z\",\"call_flow\":[...]}\n"
            + "{\"uuid\":\"fcc10162-820f-4ade-a83c-409f754ec06e\",\"direction\":\"outbound\", ...}\n";

    static final String CSV = "uuid,direction,number_id,channel_type,channel_id,caller_number,callee_number,caller_type,"
            + "...,updated_at,call_flow,number_name,channel_name,caller_name,callee_name,user_name,voicemail_name,"
            + "callback_user_name\r\ncaedfd1b-25ec-447e-ad87-3b7eb3d358ea,inbound,717,number,717,+905321234567,"
            + "+908502010000,contact,...,2026-03-26T09:53:11Z,\"[{\"\"action\"\":\"\"hangup\"\", ...}]\","
            + "Main line (+90 850 201 00 00),Main line (+90 850 201 00 00),,Support queue,Ayşe Yılmaz,,\r\n";

    static final String LEGACY_RECORD = """
            {"resource_type": "cdr", "uuid": "caedfd1b-25ec-447e-ad87-3b7eb3d358ea", "direction": 1, "user_id": 2,
             "contact_id": 0, "channel_type": 1, "channel_id": 1, "started_at": "2022-07-07T20:40:39+0000",
             "answered_at": null, "bridged_at": null, "ended_at": "2022-07-07T20:40:57+0000", "call_duration": 18,
             "first_touch_duration": 0, "missing_call": false, "missing_call_reason": 0, "caller_id": 1,
             "caller_type": 1, "caller_number": "+905326202911", "callee_id": 2, "callee_type": 3,
             "callee_number": "101", "record_url": null, "hangup_by": 2, "number_id": 1, "company_id": null,
             "related_type": null, "related_id": null, "team_touch_at": null, "voicemail_url": null,
             "voicemail_id": null, "voicemail_type": null, "callback_user_id": null, "callback_time": null,
             "callback_cdr_uuid": null, "updated_at": "2022-07-07T20:40:58+0000", "call_flow": []}""";

    static final String LEGACY_ONE = "{\"data\": " + LEGACY_RECORD + "}";

    static final String LEGACY_LIST = "{\"data\": [" + LEGACY_RECORD + "], \"links\": {"
            + "\"first\": \"https://calls.example.com/api/v20211124/cdrs?page=1\", \"last\": null, \"prev\": null,"
            + " \"next\": \"https://calls.example.com/api/v20211124/cdrs?page=2\"}, \"meta\": {\"current_page\": 1,"
            + " \"from\": 1, \"path\": \"https://calls.example.com/api/v20211124/cdrs\", \"per_page\": \"10\", \"to\": 10}}";

    static final String UNAUTHORIZED = "{\"errors\": {\"detail\": \"Authentication required. Provide an API token.\"}}";
    static final String NOT_AUTHORIZED = "{\"errors\": {\"detail\": \"Not authorized. Check your API token is valid"
            + " and not expired.\"}}";
    static final String NOT_FOUND = "{\"errors\": {\"detail\": \"Not Found\"}}";
    static final String LIST_INVALID = "{\"errors\": {\"limit\": [\"101 is larger than inclusive maximum 100\"],"
            + " \"direction\": [\"direction[eq]: '1' is not one of inbound, outbound, internal\"],"
            + " \"started_at\": [\"started_at[gte]: 'yesterday' is not " + CallFilterParameters.TIME_FORMS + "\"],"
            + " \"page\": [\"is not a parameter of this list\"]}}";
    static final String EXPORT_INVALID = "{\"errors\": {\"format\": [\"'xml' is not one of csv, ndjson\"]}}";
    static final String ONE_INVALID = "{\"errors\": {\"uuid\": [\"is not a UUID\"]}}";
    static final String DATED_INVALID = "{\"errors\": {\"date\": [\"is not a date (yyyy/mm/dd)\"]}}";
    static final String RATE_LIMITED = "{\"errors\": {\"detail\": \"Rate limit of 600 requests per minute exceeded."
            + " Retry after 12 seconds.\"}}";

    private CallExamples() {}
}
