package io.callrecords.calls;

import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link CallRecord} as JSON, the one way every record is served: one record, lists, the NDJSON export,
 * webhooks. Straight onto the generator, without a map in between (building and serialising a map per record was
 * a fifth of the CPU of a list request); {@code call_flow} is written as the text stored.
 */
final class RecordJson implements CallRecordFields.Writer {

    private static final SerializedString[] NAMES = CallRecordFields.NAMES.stream().map(SerializedString::new)
            .toArray(SerializedString[]::new);

    private final JsonGenerator json;
    private int field;

    private RecordJson(JsonGenerator json) {
        this.json = json;
    }

    /** Writes the record as one JSON object. */
    static void write(CallRecord record, JsonGenerator json) {
        json.writeStartObject();
        CallRecordFields.write(record, new RecordJson(json));
        json.writeEndObject();
    }

    /** How Jackson writes a {@link CallRecord} wherever one is inside a body (a webhook's, one record's). */
    static final class Serializer extends ValueSerializer<CallRecord> {

        @Override
        public void serialize(CallRecord record, JsonGenerator json, SerializationContext context) {
            write(record, json);
        }
    }

    @Override
    public void text(String value) {
        name();
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    @Override
    public void id(Long value) {
        name();
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value.longValue());
        }
    }

    @Override
    public void seconds(Integer value) {
        name();
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value.intValue());
        }
    }

    @Override
    public void flag(Boolean value) {
        name();
        if (value == null) {
            json.writeNull();
        } else {
            json.writeBoolean(value);
        }
    }

    @Override
    public void time(Instant value) {
        name();
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(CallRecordFields.wireTime(value));
        }
    }

    @Override
    public void flow(CallFlow value) {
        name();
        if (value == null) {
            json.writeNull();
        } else {
            json.writeRawValue(value.json());
        }
    }

    private void name() {
        json.writeName(NAMES[field++]);
    }
}
