package io.callrecords.accounts;

import io.callrecords.database.AccountCache;
import io.callrecords.database.DatabaseChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes an account's versioned settings; other modules ask it for the version in force. */
@Service
public class AccountSettingsService {

    /** A backstop against a missed notification that nothing noticed; a new version is meant to arrive far sooner. */
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final SettingsHistory history;
    private final Accounts accounts;
    private final Clock clock;
    private final DatabaseChanges changes;
    private final AccountCache<Long, Kept> timelines;

    /** A timeline as kept, with its account (which its versions do not name). */
    private record Kept(long accountId, SettingsTimeline timeline) {}

    AccountSettingsService(SettingsHistory history, Accounts accounts, Clock clock, DatabaseChanges changes) {
        this.history = history;
        this.accounts = accounts;
        this.clock = clock;
        this.changes = changes;
        this.timelines = new AccountCache<>(changes, DatabaseChanges.ACCOUNT_SETTINGS, MAX_AGE, 100_000,
                Kept::accountId);
    }

    /** The settings to derive a call that started at {@code at} with. */
    public SettingsVersion inForceAt(long accountId, Instant at) {
        return timeline(accountId).inForceAt(at);
    }

    /**
     * Every version, for callers that derive many calls at once. Versions never change once written, and a new one
     * is announced to every node by NOTIFY (V28's trigger on {@code account_settings}), so a timeline is kept until
     * then: asking for an account's settings on every request (its time zone, its region, its business hours) costs
     * no query. One statement when it is not kept, so no transaction.
     */
    public SettingsTimeline timeline(long accountId) {
        return timelines.get(accountId, account -> new Kept(account, new SettingsTimeline(history.all(account)))).timeline();
    }

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
        SettingsVersion appended = history.append(accountId, change.settings(), change.effectiveFrom(), caller);
        changes.afterCommit(DatabaseChanges.ACCOUNT_SETTINGS, accountId);
        return appended;
    }
}
