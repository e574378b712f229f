package io.callrecords.calls;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.InvalidTextException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The items of a bulk request body: one JSON object, a JSON array of objects, or NDJSON (one
 * object per line, {@code application/x-ndjson}). The body is read up to the limit and no further.
 */
final class RequestBody {

    private RequestBody() {}

    static List<Object> items(InputStream body, String contentType, long limit, JsonMapper json, String itemName) {
        byte[] bytes = read(body, limit);
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-ndjson")) {
            return ndjson(bytes, json, itemName);
        }
        Object parsed;
        try {
            parsed = json.readValue(bytes, Object.class);
        } catch (InvalidTextException e) {
            // A body that is one object is the list of that one item.
            throw e.toValidation(e.path().startsWith("[") ? itemName : itemName + "[0]");
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
        }
        if (parsed instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (parsed == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The request body is empty.");
        }
        return List.of(parsed);
    }

    /** Reads one item of a bulk request, reporting its problems under {@code prefix}. */
    interface ItemReader<T> {
        T read(Object item, String prefix, FieldErrors errors);
    }

    /** Reads every item; throws one 422 naming {@code <name>[i].<field>} for every problem of every item. */
    static <T> List<T> readAll(List<Object> items, String name, ItemReader<T> reader) {
        FieldErrors errors = new FieldErrors();
        if (items.isEmpty()) {
            errors.add(name, "is empty: send at least one");
        }
        List<T> read = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T item = reader.read(items.get(i), name + "[" + i + "]", errors);
            if (item != null) {
                read.add(item);
            }
        }
        errors.throwIfAny();
        return read;
    }

    /**
     * Lines are cut at the byte 0x0A, which UTF-8 never uses inside a character, and each is decoded on its own and
     * strictly: a line that is not UTF-8 is refused by its number, never read with replacement characters.
     */
    private static List<Object> ndjson(byte[] bytes, JsonMapper json, String itemName) {
        List<Object> items = new ArrayList<>();
        FieldErrors errors = new FieldErrors();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNumber = 0;
        for (int start = 0; start < bytes.length; ) {
            lineNumber++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String field = itemName + "[" + items.size() + "]";
            String line;
            try {
                line = utf8.decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                line = null;
            }
            start = end + 1;
            if (line == null) {
                errors.add(field, "(line " + lineNumber + ") is not valid UTF-8");
                items.add(null);
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                items.add(json.readValue(line, Object.class));
            } catch (InvalidTextException e) {
                errors.add(e.field(field), e.problem());
                items.add(null);
            } catch (JacksonException e) {
                errors.add(field, "is not valid JSON");
                items.add(null);
            }
        }
        errors.throwIfAny();
        return items;
    }

    private static byte[] read(InputStream body, long limit) {
        try (body) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE,
                        "The request body is larger than the limit of " + limit + " bytes.");
            }
            return bytes;
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The request body could not be read.");
        }
    }
}
