package io.callrecords.shared;

/**
 * The calls an agent may see (directory.md, "People who sign in"; ADR 0022): those where they are the answering user
 * ({@code user_id}), the calling user ({@code caller_type} user with {@code caller_id}) or the callback user
 * ({@code callback_user_id}). One condition for every read of {@code call_records}, so that the list, the export, a
 * call, its media, the worklist and the reports can never disagree on what "own" means.
 */
public final class OwnCalls {

    /** The named parameter every condition binds: the agent's user id. */
    public static final String PARAMETER = "own_user";

    private OwnCalls() {}

    /** The condition on the {@code call_records} row named {@code alias}; bind {@link #PARAMETER}. */
    public static String of(String alias) {
        return ("(%1$s.user_id = :own_user OR (%1$s.caller_type = 'user' AND %1$s.caller_id = :own_user)"
                + " OR %1$s.callback_user_id = :own_user)").formatted(alias);
    }

    /** {@code " AND "} and the condition when {@code ownUser} is set (an agent); nothing for everyone else. */
    public static String and(String alias, Long ownUser) {
        return ownUser == null ? "" : " AND " + of(alias);
    }
}
