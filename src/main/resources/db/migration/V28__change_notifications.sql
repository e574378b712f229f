-- Every app node caches API keys and account settings (database.DatabaseChanges). Whatever changes what they hold,
-- whoever changes it (the app, another node, an operator in psql), tells every node by a NOTIFY on the cache's
-- channel with the account id; NOTIFY is sent when the transaction commits, and identical ones of a transaction fold
-- into one.

-- What authenticates a key: the key itself, its account (rate limit, name), and a personal key's user (role, live,
-- active).
CREATE FUNCTION notify_api_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('api_keys', OLD.account_id::text);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        PERFORM pg_notify('api_keys', NEW.account_id::text);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION notify_api_keys_of_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('api_keys', OLD.id::text);
    RETURN NULL;
END $$;

-- Not on last_used_at: touching a key (once a minute while in use) changes nothing a cache holds.
CREATE TRIGGER api_keys_changed
    AFTER UPDATE OF account_id, name, prefix, secret_hash, scopes, expires_at, revoked_at, user_id OR DELETE
    ON api_keys FOR EACH ROW EXECUTE FUNCTION notify_api_keys();

CREATE TRIGGER accounts_changed
    AFTER UPDATE OF name, rate_limit_per_minute OR DELETE
    ON accounts FOR EACH ROW EXECUTE FUNCTION notify_api_keys_of_account();

CREATE TRIGGER users_access_changed
    AFTER UPDATE OF account_id, id, role, status, deleted_at OR DELETE
    ON users FOR EACH ROW EXECUTE FUNCTION notify_api_keys();

-- A new settings version (versions are never changed once written, but say so if one ever is).
CREATE FUNCTION notify_account_settings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('account_settings', (CASE WHEN TG_OP = 'DELETE' THEN OLD.account_id ELSE NEW.account_id END)::text);
    RETURN NULL;
END $$;

CREATE TRIGGER account_settings_changed
    AFTER INSERT OR UPDATE OR DELETE ON account_settings FOR EACH ROW EXECUTE FUNCTION notify_account_settings();
