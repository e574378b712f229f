package io.callrecords.shared;

/** The envelope of every successful JSON answer of the API: {@code {"data": ...}}. */
public record Data<T>(T data) {

    public static <T> Data<T> of(T data) {
        return new Data<>(data);
    }
}
