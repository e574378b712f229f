package io.callrecords.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Objects in an S3-compatible bucket. The temporary file is sent with one PUT of known length
 * (S3 shows an object only once it is complete), then removed; reads ask for the byte range only.
 */
final class S3MediaStorage implements MediaStorage, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3MediaStorage(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public void put(String key, Path file, AudioType type) throws IOException {
        long size = Files.size(file);
        s3.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(type.contentType)
                .contentLength(size), RequestBody.fromFile(file));
        Files.deleteIfExists(file);
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(prefix + key)
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(prefix + key);
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(prefix + key));
    }

    @Override
    public void close() {
        s3.close();
    }
}
