package io.callrecords.demo;

import java.time.Instant;
import java.util.Properties;

/**
 * What a demo data directory holds besides its database: the demo account's key (shown on every start, as a
 * demo should), what traffic fills it, whether the fill finished, and two calls worth looking at.
 *
 * @param filled         the whole simulated period was accepted; until then a start sends it again (the
 *                       service ignores the events it already has)
 * @param apiKey         the demo account's key; null until the account exists
 * @param adminEmail     the email the demo's administrator signs in with; null until that user exists
 * @param adminPassword  that person's password (a demo's, kept beside its key so that every start can show it)
 * @param answeredCall   uuid of a recent answered call, or null
 * @param returnedCall   uuid of a recent missed call that an agent returned, or null
 * @param recordedCall   uuid of a recent answered call whose recording has audio, or null (demos filled before the
 *                       banner showed one)
 */
record DemoState(boolean filled, String apiKey, String adminEmail, String adminPassword, long seed, Instant start,
                 int days, int agents, String answeredCall, String returnedCall, String recordedCall) {

    /** A new demo: its traffic chosen, its account not created yet. */
    static DemoState planned(long seed, Instant start, int days, int agents) {
        return new DemoState(false, null, null, null, seed, start, days, agents, null, null, null);
    }

    DemoState withKey(String key) {
        return new DemoState(filled, key, adminEmail, adminPassword, seed, start, days, agents, answeredCall,
                returnedCall, recordedCall);
    }

    DemoState withAdmin(String email, String password) {
        return new DemoState(filled, apiKey, email, password, seed, start, days, agents, answeredCall, returnedCall,
                recordedCall);
    }

    DemoState filledWith(String answered, String returned, String recorded) {
        return new DemoState(true, apiKey, adminEmail, adminPassword, seed, start, days, agents, answered, returned,
                recorded);
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("state", filled ? "filled" : "filling");
        if (apiKey != null) {
            p.setProperty("api_key", apiKey);
        }
        if (adminEmail != null) {
            p.setProperty("admin_email", adminEmail);
            p.setProperty("admin_password", adminPassword);
        }
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("start", start.toString());
        p.setProperty("days", Integer.toString(days));
        p.setProperty("agents", Integer.toString(agents));
        if (answeredCall != null) {
            p.setProperty("answered_call", answeredCall);
        }
        if (returnedCall != null) {
            p.setProperty("returned_call", returnedCall);
        }
        if (recordedCall != null) {
            p.setProperty("recorded_call", recordedCall);
        }
        return p;
    }

    static DemoState of(Properties p) {
        return new DemoState("filled".equals(p.getProperty("state")), p.getProperty("api_key"),
                p.getProperty("admin_email"), p.getProperty("admin_password"), Long.parseLong(p.getProperty("seed")), Instant.parse(p.getProperty("start")),
                Integer.parseInt(p.getProperty("days")), Integer.parseInt(p.getProperty("agents")),
                p.getProperty("answered_call"), p.getProperty("returned_call"), p.getProperty("recorded_call"));
    }
}
