-- Every app node keeps the page sessions it has seen (accounts.PageSessionCache). What a session stands for beside
-- what V28 notifies on 'api_keys' (its key, a personal key's user, the account) tells every node by a NOTIFY on
-- 'page_sessions' with the account id, whoever changes it: the session row (a sign-out, a password change ending
-- every session of the user) and the user's name (shown on every page), password and the time it changed.

CREATE FUNCTION notify_page_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('page_sessions', OLD.account_id::text);
    IF TG_OP = 'UPDATE' THEN
        PERFORM pg_notify('page_sessions', NEW.account_id::text);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER page_sessions_changed
    AFTER UPDATE OR DELETE ON page_sessions FOR EACH ROW EXECUTE FUNCTION notify_page_sessions();

CREATE TRIGGER users_sign_in_changed
    AFTER UPDATE OF name, password_hash, password_changed_at
    ON users FOR EACH ROW EXECUTE FUNCTION notify_page_sessions();
