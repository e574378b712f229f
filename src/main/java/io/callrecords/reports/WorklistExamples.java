package io.callrecords.reports;

/** Example bodies of the worklist endpoints, for the OpenAPI document. */
final class WorklistExamples {

    static final String LINE = """
            {"number": "+905321234567", "contact_id": 31, "contact_name": "Ayşe Yılmaz", "company_id": 7,
             "company_name": "Deniz Lojistik", "missed_calls": 3, "first_missed_at": "2026-10-12T07:41:09Z",
             "last_missed_at": "2026-10-14T13:02:44Z", "reasons": {"out_of_business_hours": 1, "abandoned": 2},
             "returned": 1, "unreturned": 2, "last_callback_at": "2026-10-12T08:03:51Z",
             "callback_cdr_uuid": "fcc10162-820f-4ade-a83c-409f754ec06e", "status": "unreturned", "dismissal": null}""";

    static final String DISMISSED_LINE = """
            {"data": {"number": "+905321234567", "contact_id": null, "contact_name": null, "company_id": null,
             "company_name": null, "missed_calls": 2, "first_missed_at": "2026-10-12T07:41:09Z",
             "last_missed_at": "2026-10-12T07:58:30Z", "reasons": {"short_abandoned": 2}, "returned": 0,
             "unreturned": 0, "last_callback_at": null, "callback_cdr_uuid": null, "status": "dismissed",
             "dismissal": {"reason": "spam", "note": "Robocall", "dismissed_at": "2026-10-14T09:12:00Z",
                           "dismissed_by_key_id": 4}}}""";

    static final String LIST = "{\"data\": [" + LINE + "], \"meta\": {\"count\": 214, \"limit\": 50,"
            + " \"next_cursor\": \"dzF8dW5yZXR1cm5lZHwxNzYwMjU0ODY5MDAwMDAwfGNhZWRmZDFiLTI1ZWMtNDQ3ZS1hZDg3LTN"
            + "iN2ViM2QzNThlYQ\","
            + " \"from\": \"2026-09-30T21:00:00Z\", \"to\": \"2026-10-31T21:00:00Z\"}}";

    static final String LIST_INVALID = "{\"errors\": {\"to\": [\"is more than 400 days after from; ask for a shorter"
            + " period\"], \"status\": [\"'open' is not one of unreturned, returned, dismissed, all\"],"
            + " \"page\": [\"is not a parameter of this list\"]}}";

    static final String DISMISS_INVALID = "{\"errors\": {\"note\": [\"is required when the reason is other: say why the"
            + " caller needs no callback\"]}}";

    static final String PERIOD_INVALID = "{\"errors\": {\"to\": [\"must be after from\"]}}";

    static final String HISTORY = """
            {"data": [{"id": 12, "reason": "other", "note": "Called us from another number", "dismissed_at":
              "2026-10-15T10:00:00Z", "dismissed_by_key_id": 4, "undismissed_at": null, "undismissed_by_key_id": null},
             {"id": 9, "reason": "spam", "note": null, "dismissed_at": "2026-10-14T09:12:00Z", "dismissed_by_key_id": 4,
              "undismissed_at": "2026-10-15T10:00:00Z", "undismissed_by_key_id": 4}],
             "meta": {"count": 2}}""";

    static final String NOT_FOUND = "{\"errors\": {\"detail\": \"Not Found\"}}";

    private WorklistExamples() {}
}
