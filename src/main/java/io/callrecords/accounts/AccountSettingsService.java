package io.callrecords.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes an account's versioned settings; other modules ask it for the version in force. */
@Service
public class AccountSettingsService {

    private final SettingsHistory history;
    private final Accounts accounts;
    private final Clock clock;
    private final Map<Long, SettingsTimeline> timelines = new ConcurrentHashMap<>();

    AccountSettingsService(SettingsHistory history, Accounts accounts, Clock clock) {
        this.history = history;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The settings to derive a call that started at {@code at} with. */
    @Transactional(readOnly = true)
    public SettingsVersion inForceAt(long accountId, Instant at) {
        return timeline(accountId).inForceAt(at);
    }

    /**
     * Every version, for callers that derive many calls at once. Versions never change once
     * written, so a timeline is cached until the account's newest version number moves: one
     * index probe instead of reading and parsing every version on each request, and right on
     * every app node.
     */
    @Transactional(readOnly = true)
    public SettingsTimeline timeline(long accountId) {
        int newest = history.newestVersion(accountId);
        SettingsTimeline cached = timelines.get(accountId);
        if (cached != null && cached.newestVersion() == newest) {
            return cached;
        }
        SettingsTimeline fresh = new SettingsTimeline(history.all(accountId));
        timelines.put(accountId, fresh);
        return fresh;
    }

    @Transactional(readOnly = true)
    public SettingsVersion current(long accountId) {
        return inForceAt(accountId, clock.instant());
    }

    @Transactional(readOnly = true)
    List<SettingsVersion> history(long accountId) {
        return history.all(accountId);
    }

    /**
     * Applies a PATCH document (the JSON shape of {@code PATCH /api/v3/account/settings}, any subset of the fields) as
     * a new version. Validates the whole change first: a bad field throws a
     * {@link io.callrecords.shared.ValidationException} naming every bad field, and leaves every setting as it was.
     * Public for the settings page, which builds the same document from its form; callers check the admin scope. The
     * version records who wrote it: the caller's key and person.
     */
    @Transactional
    public SettingsVersion change(Caller caller, Map<String, Object> patch) {
        long accountId = caller.accountId();
        accounts.lock(accountId);
        AccountSettings base = history.latest(accountId).map(SettingsVersion::settings).orElse(AccountSettings.DEFAULTS);
        SettingsDocument.Change change = SettingsDocument.apply(patch, base, clock.instant());
        return history.append(accountId, change.settings(), change.effectiveFrom(), caller);
    }
}
