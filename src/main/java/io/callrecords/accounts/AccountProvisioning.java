package io.callrecords.accounts;

import java.time.Clock;
import java.util.EnumSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates an account with its first settings version and a first key that has every scope. */
@Service
class AccountProvisioning {

    /** The account and the secret of its first key, which is never shown again. */
    record NewAccount(Account account, ApiKey key, String secret) {}

    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final SettingsHistory settings;
    private final Clock clock;

    AccountProvisioning(Accounts accounts, ApiKeys apiKeys, SettingsHistory settings, Clock clock) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    NewAccount create(String name, int rateLimitPerMinute) {
        Account account = accounts.insert(name, rateLimitPerMinute);
        settings.append(account.id(), AccountSettings.DEFAULTS, clock.instant(), null);
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = apiKeys.insert(account.id(), "initial key", secret, EnumSet.allOf(Scope.class), null, null);
        return new NewAccount(account, key, secret.value());
    }
}
