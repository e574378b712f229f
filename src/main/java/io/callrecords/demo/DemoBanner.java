package io.callrecords.demo;

/** What the demo prints once it is ready: where it runs, how to sign in, its key, and calls worth a look. */
final class DemoBanner {

    private DemoBanner() {}

    static String text(DemoState state, int port, DemoDataDir dir) {
        String url = "http://localhost:" + port;
        String curl = "   curl -H 'Authorization: Bearer " + state.apiKey() + "' " + url;
        StringBuilder out = new StringBuilder("""

                ==================================================================
                 The demo is running: %s
                 Account '%s' (%s)
                 Sign in at %s/sign-in
                   email:    %s
                   password: %s
                 API key: %s
                 (kept in %s)

                 Try:
                """.formatted(url, DemoFill.ACCOUNT_NAME, DemoFill.describe(state), url, state.adminEmail(),
                state.adminPassword(), state.apiKey(),
                dir.path().resolve(DemoDataDir.MARKER)));
        if (state.answeredCall() != null) {
            out.append(curl).append("/api/v3/calls/").append(state.answeredCall()).append("   # answered\n");
        }
        if (state.returnedCall() != null) {
            out.append(curl).append("/api/v3/calls/").append(state.returnedCall()).append("   # missed, called back\n");
        }
        out.append(curl).append("/api/v3/account/settings\n");
        out.append("""
                 API documentation: %s/swagger-ui.html

                 Recordings and voicemails carry a second of generated tone: open a
                 call's record_url or voicemail_url (signed, valid 4 hours) to play it.

                 Ctrl-C stops the demo. ./callrecords demo starts it again with the
                 same data; ./callrecords demo --fresh starts over.
                ==================================================================
                """.formatted(url));
        return out.toString();
    }
}
