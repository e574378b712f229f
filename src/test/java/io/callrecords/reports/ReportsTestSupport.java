package io.callrecords.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;

/** The real app for the report tests, which set up their account and calls once per class. */
abstract class ReportsTestSupport extends AppTestSupport {

    /** A new account with these settings (the body of {@code PATCH /api/v3/account/settings}); returns its key. */
    String accountWithSettings(String name, String settingsJson) {
        String key = newAccount(name);
        Api.Response settings = api.patch("/api/v3/account/settings", key, settingsJson);
        assertThat(settings.status()).as(settings.raw().body()).isEqualTo(200);
        return key;
    }
}
