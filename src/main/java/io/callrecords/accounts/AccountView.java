package io.callrecords.accounts;

import io.callrecords.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

/** An account as the operator endpoints answer it. */
@Schema(name = "Account")
record AccountView(
        @Schema(example = "7") long id,
        @Schema(example = "ACME") String name,
        @Schema(example = "600", description = "Requests per minute over all the account's keys") int rateLimitPerMinute,
        @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.id(), account.name(), account.rateLimitPerMinute(),
                Timestamps.wire(account.createdAt()));
    }

    /** A new account with its first key, the only time the key's secret is shown. */
    @Schema(name = "NewAccount")
    record New(
            @Schema(example = "7") long id,
            @Schema(example = "ACME") String name,
            @Schema(example = "600") int rateLimitPerMinute,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "cr_live_Xq3...", description = "The first API key, with every scope; shown only here")
            String apiKey) {

        static New of(AccountProvisioning.NewAccount created) {
            Account account = created.account();
            return new New(account.id(), account.name(), account.rateLimitPerMinute(),
                    Timestamps.wire(account.createdAt()), created.secret());
        }
    }

    /**
     * The body of {@code POST /admin/accounts} and (rate limit only) {@code PATCH /admin/accounts/{id}}. Documents the
     * fields only: the controller reads the body as a map, so that each bad field is named in a 422 rather than the
     * whole body refused as unreadable.
     */
    @Schema(name = "AccountRequest")
    record Request(
            @Schema(example = "ACME", description = "Required on create") String name,
            @Schema(example = "600", minimum = "1", description = "Default: the service's setting") Integer rateLimitPerMinute) {}
}
