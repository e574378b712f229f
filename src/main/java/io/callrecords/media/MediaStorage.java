package io.callrecords.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the audio bytes live: the filesystem under the data directory, or an S3-compatible
 * bucket. Objects are written once under a fresh key and never changed, so a reader never sees
 * a half-written or replaced object.
 */
interface MediaStorage {

    /** Moves a complete, fsynced temporary file into the storage; the object appears whole or not at all. */
    void put(String key, Path file, AudioType type) throws IOException;

    /** The {@code length} bytes of the object from {@code offset} on; the caller closes the stream. */
    InputStream open(String key, long offset, long length) throws IOException;

    /** The object as a local file, when the storage keeps it as one (the web server can then send it itself). */
    default Optional<Path> localFile(String key) {
        return Optional.empty();
    }

    /** Deletes the object; deleting a missing one is no error. */
    void delete(String key) throws IOException;
}
