package io.callrecords.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An account's directory entries written straight into the V15 tables, for tests of what reads their names (pages,
 * the export, reports) apart from the directory's own API.
 */
public record DirectoryRows(JdbcClient db, long account) {

    /** The entries of the account of this name (names are made unique by the tests that use this). */
    public static DirectoryRows of(JdbcClient db, String accountName) {
        return new DirectoryRows(db, db.sql("SELECT id FROM accounts WHERE name = :name").param("name", accountName)
                .query(Long.class).single());
    }

    public DirectoryRows user(long id, String name) {
        return insert("INSERT INTO users (account_id, id, name) VALUES (:account, :id, :name)", id, name);
    }

    public DirectoryRows team(long id, String name) {
        return insert("INSERT INTO teams (account_id, id, name) VALUES (:account, :id, :name)", id, name);
    }

    public DirectoryRows number(long id, String name, String e164) {
        db.sql("INSERT INTO account_numbers (account_id, id, name, number) VALUES (:account, :id, :name, :number)")
                .param("account", account).param("id", id).param("name", name).param("number", e164).update();
        return this;
    }

    public DirectoryRows greeting(long id, String name) {
        return insert("INSERT INTO greetings (account_id, id, name, kind) VALUES (:account, :id, :name, 'smart_ivr')",
                id, name);
    }

    public DirectoryRows extension(long id, String number) {
        return insert("INSERT INTO extensions (account_id, id, number, target_type, target_id)"
                + " VALUES (:account, :id, :name, 'team', 1)", id, number);
    }

    /** A user's voicemail box (the user must exist). */
    public DirectoryRows userVoicemailBox(long id, String name, long userId) {
        db.sql("INSERT INTO voicemail_boxes (account_id, id, name, type, user_id) VALUES (:account, :id, :name, 'user', :user)")
                .param("account", account).param("id", id).param("name", name).param("user", userId).update();
        return this;
    }

    public DirectoryRows accountVoicemailBox(long id, String name) {
        return insert("INSERT INTO voicemail_boxes (account_id, id, name, type) VALUES (:account, :id, :name, 'account')",
                id, name);
    }

    /** Deletes an entry as the directory does: the row stays, with {@code deleted_at}. */
    public DirectoryRows deleted(String table, long id) {
        db.sql("UPDATE " + table + " SET deleted_at = now() WHERE account_id = :account AND id = :id")
                .param("account", account).param("id", id).update();
        return this;
    }

    private DirectoryRows insert(String sql, long id, String name) {
        db.sql(sql).param("account", account).param("id", id).param("name", name).update();
        return this;
    }
}
