package io.callrecords.sources;

/**
 * A source's translation (sources.md, "One shape for every source"): a pure function from the documents of one call,
 * the account's profile of the source and the directory's ids to the call's events. It runs again on every new
 * document of the call, and its events replace the earlier ones; so it must give the same events for the same
 * documents, whatever order they arrived in.
 *
 * @param <P> the source's profile (trunks, contexts ...), read as JSON from the account's settings of the source
 */
public interface SourceTranslator<P> {

    SourceKind kind();

    Class<P> profileType();

    /** The profile of an account that never set one: a stock install of the platform works with it. */
    P defaultProfile();

    /**
     * @throws RuntimeException when the documents cannot be read at all; the core keeps them, records the message as
     *                          the call's problem, and translates again with the next document or a re-derivation
     */
    Translation translate(CallDocuments call, P profile, DirectoryIds ids);
}
