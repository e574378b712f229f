package io.callrecords.people;

import java.util.Locale;

/** The kinds of the account's directory entries, each with its table and its wire name ({@code resource_type}). */
public enum EntryKind {
    USER("users"), TEAM("teams"), NUMBER("account_numbers"), GREETING("greetings"), EXTENSION("extensions"),
    VOICEMAIL_BOX("voicemail_boxes");

    private final String table;

    EntryKind(String table) {
        this.table = table;
    }

    /** The {@code resource_type} of the wire and of {@code external_refs}: {@code user}, {@code voicemail_box}... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    String table() {
        return table;
    }
}
