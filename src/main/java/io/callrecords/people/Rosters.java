package io.callrecords.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The account's live users and teams by name, and a team's members, for the pages that list every agent and team
 * (also those with no call in a period). Deleted entries are left out: their old calls still carry their names
 * through {@link DirectoryNames}.
 */
@Service
public class Rosters {

    private final JdbcClient db;

    Rosters(JdbcClient db) {
        this.db = db;
    }

    /** The account's live users, id → name, by name. */
    public Map<Long, String> users(long accountId) {
        return named("users", accountId);
    }

    /** The account's live teams, id → name, by name. */
    public Map<Long, String> teams(long accountId) {
        return named("teams", accountId);
    }

    /** How many live teams the account has (the wallboard lists them all only when they are few). */
    public int teamCount(long accountId) {
        return db.sql("SELECT count(*) FROM teams WHERE account_id = :account AND deleted_at IS NULL")
                .param("account", accountId).query(Integer.class).single();
    }

    /** The user ids of a team's members, in the team's order (empty for a team the account does not have). */
    public List<Long> members(long accountId, long teamId) {
        return db.sql("SELECT user_id FROM team_members WHERE account_id = :account AND team_id = :team ORDER BY position, user_id")
                .param("account", accountId).param("team", teamId).query(Long.class).list();
    }

    private Map<Long, String> named(String table, long accountId) {
        Map<Long, String> names = new LinkedHashMap<>();
        db.sql("SELECT id, name FROM " + table + " WHERE account_id = :account AND deleted_at IS NULL ORDER BY lower(name), id")
                .param("account", accountId)
                .query(rs -> {
                    names.put(rs.getLong("id"), rs.getString("name"));
                });
        return names;
    }
}
