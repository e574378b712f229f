package io.callrecords.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The people of the simulated center and how they are grouped: users (agents) with extensions and
 * voicemail boxes, teams (queues) with members and a team voicemail box.
 */
public record Staff(List<User> users, List<Team> teams) {

    /** An agent: {@code id} is the platform's user id, {@code extension} the short number colleagues dial. */
    public record User(long id, String name, String extension, long voicemailBox) {}

    /** A queue: incoming calls wait here while its members' phones ring. */
    public record Team(long id, String name, List<Long> members, long voicemailBox) {}

    static final long USER_VOICEMAIL_BOX_BASE = 100;
    static final long TEAM_VOICEMAIL_BOX_BASE = 10;
    private static final List<String> TEAM_NAMES = List.of("Sales", "Support", "Billing");

    public Staff {
        users = List.copyOf(users);
        teams = List.copyOf(teams);
    }

    /** {@code agents} users spread over two teams, three from twelve agents on; every team has a member. */
    static Staff of(int agents) {
        int teamCount = agents >= 12 ? 3 : 2;
        List<User> users = new ArrayList<>();
        List<List<Long>> members = new ArrayList<>();
        for (int t = 0; t < teamCount; t++) {
            members.add(new ArrayList<>());
        }
        for (int i = 1; i <= agents; i++) {
            users.add(new User(i, Names.person(i), extension(i, agents), USER_VOICEMAIL_BOX_BASE + i));
            members.get((i - 1) % teamCount).add((long) i);
        }
        List<Team> teams = new ArrayList<>();
        for (int t = 0; t < teamCount; t++) {
            List<Long> m = members.get(t).isEmpty() ? List.of(1L) : members.get(t);
            teams.add(new Team(t + 1, TEAM_NAMES.get(t), m, TEAM_VOICEMAIL_BOX_BASE + t + 1));
        }
        return new Staff(users, teams);
    }

    public User user(long id) {
        return users.get((int) id - 1);
    }

    public Team team(long id) {
        return teams.get((int) id - 1);
    }

    /** 101, 102 ... in a small center; longer numbers (still at most six digits) in a big one. */
    private static String extension(int user, int agents) {
        return Integer.toString(agents < 100 ? 100 + user : agents < 9000 ? 1000 + user : 100_000 + user);
    }
}
