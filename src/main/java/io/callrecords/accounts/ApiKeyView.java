package io.callrecords.accounts;

import io.callrecords.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An API key as {@code /api/v3/api-keys} answers it and the keys page lists it: never its secret. Times are the
 * API's wire form ({@link Timestamps#wire}), null where the key has none; the components are the wire fields, in
 * their order and in snake case.
 */
@Schema(name = "ApiKey", description = "An API key; its secret is shown only when it is made")
public record ApiKeyView(
        @Schema(example = "12") long id,
        @Schema(example = "CRM sync") String name,
        @Schema(example = "cr_Xq3kP0a", description = "The first characters of the secret, to recognise it")
        String prefix,
        @ArraySchema(schema = @Schema(allowableValues = {"read", "write", "admin"}),
                arraySchema = @Schema(example = "[\"read\", \"write\"]")) List<String> scopes,
        @Schema(example = "2027-01-01T00:00:00Z", format = "date-time", nullable = true) String expiresAt,
        @Schema(example = "null", format = "date-time", nullable = true) String revokedAt,
        @Schema(example = "2026-03-26T10:02:11Z", format = "date-time", nullable = true) String lastUsedAt,
        @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id(), key.name(), key.prefix(), key.scopes().stream().map(Scope::wire).toList(),
                Timestamps.wire(key.expiresAt()), Timestamps.wire(key.revokedAt()), Timestamps.wire(key.lastUsedAt()),
                Timestamps.wire(key.createdAt()));
    }

    /** A new API key with its secret: the answer that made it is the only place the secret is ever shown. */
    @Schema(name = "NewApiKey", description = "A new API key with its secret, shown only here")
    public record New(
            @Schema(example = "12") long id,
            @Schema(example = "CRM sync") String name,
            @Schema(example = "cr_Xq3kP0a") String prefix,
            @ArraySchema(schema = @Schema(allowableValues = {"read", "write", "admin"}),
                    arraySchema = @Schema(example = "[\"read\", \"write\"]")) List<String> scopes,
            @Schema(example = "2027-01-01T00:00:00Z", format = "date-time", nullable = true) String expiresAt,
            @Schema(example = "null", format = "date-time", nullable = true) String revokedAt,
            @Schema(example = "null", format = "date-time", nullable = true) String lastUsedAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "cr_Xq3kP0aQ1w...", description = "Send as Authorization: Bearer <secret>")
            String secret) {

        static New of(ApiKeyView key, ApiKeySecret secret) {
            return new New(key.id(), key.name(), key.prefix(), key.scopes(), key.expiresAt(), key.revokedAt(),
                    key.lastUsedAt(), key.createdAt(), secret.value());
        }
    }
}
