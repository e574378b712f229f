package io.callrecords.sources;

import io.callrecords.people.EntryKind;

/**
 * How a translation turns the platform's identifiers (an extension, a queue, an IVR, a DID) into directory ids:
 * the same ref always gives the same id, the entry being created, named, on first sight (directory.md). The service
 * resolves through the account's directory; a test gives a map.
 */
@FunctionalInterface
public interface DirectoryIds {

    /**
     * @param ref  the platform's own identifier, e.g. {@code 1001@pbx.example.com}
     * @param name the name the entry gets when it is new (null: the kind and the ref)
     */
    long id(EntryKind kind, String ref, String name);
}
