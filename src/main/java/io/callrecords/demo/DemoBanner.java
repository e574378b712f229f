package io.callrecords.demo;

/**
 * What the demo prints once it is ready: where it runs, how to sign in, the pages to look at (with a recorded call
 * whose recording plays on its page), the API key and calls to fetch with it.
 */
final class DemoBanner {

    private DemoBanner() {}

    static String text(DemoState state, int port, DemoDataDir dir) {
        String url = "http://localhost:" + port;
        String curl = "   curl -H 'Authorization: Bearer " + state.apiKey() + "' " + url;
        StringBuilder out = new StringBuilder("""

                ==================================================================
                 The demo is running: %s
                 Account '%s' (%s)

                 Open %s and sign in (an administrator):
                   email:    %s
                   password: %s

                 The pages:
                   %s/dashboard      the last 7 days: tiles, charts, heat map
                   %s/calls          the call log: filters, each call's story
                   %s/missed-calls   who waits for a callback
                   %s/settings       hours, thresholds, webhooks, API keys
                """.formatted(url, DemoFill.ACCOUNT_NAME, DemoFill.describe(state), url, state.adminEmail(),
                state.adminPassword(), url, url, url, url));
        if (state.recordedCall() != null) {
            out.append("   ").append(url).append("/calls/").append(state.recordedCall())
                    .append("\n       an answered call: play its recording on its page\n");
        }
        if (state.returnedCall() != null) {
            out.append("   ").append(url).append("/calls/").append(state.returnedCall())
                    .append("\n       a missed call that an agent called back\n");
        }
        out.append("""

                 API key: %s
                 (kept in %s)

                 Try:
                """.formatted(state.apiKey(), dir.path().resolve(DemoDataDir.MARKER)));
        if (state.recordedCall() != null) {
            out.append(curl).append("/api/v3/calls/").append(state.recordedCall()).append("   # answered, recorded\n");
        }
        if (state.answeredCall() != null && !state.answeredCall().equals(state.recordedCall())) {
            out.append(curl).append("/api/v3/calls/").append(state.answeredCall()).append("   # answered\n");
        }
        if (state.returnedCall() != null) {
            out.append(curl).append("/api/v3/calls/").append(state.returnedCall()).append("   # missed, called back\n");
        }
        out.append(curl).append("/api/v3/account/settings\n");
        out.append("""
                 API documentation: %s/swagger-ui.html

                 Recordings and voicemails carry a second of generated tone: the
                 newest calls have them; open a call's record_url or voicemail_url
                 (signed, valid 4 hours) to play one from the API.

                 Ctrl-C stops the demo. ./callrecords demo starts it again with the
                 same data; ./callrecords demo --fresh starts over.
                ==================================================================
                """.formatted(url));
        return out.toString();
    }
}
