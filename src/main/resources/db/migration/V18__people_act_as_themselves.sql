-- People act as themselves (directory.md, "People who sign in"): a personal API key belongs to a user of its account
-- and is worth that user's role, and what a person does is recorded with their user id beside the key they used
-- (null for a password session, which uses no key; both null where the service acted).

-- A personal key: null for the account's keys (machines). The key lookup joins users by this, so a deleted or
-- inactive user's keys stop working on the next request.
ALTER TABLE api_keys ADD COLUMN user_id bigint;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_user FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id);

-- Worklist dismissals: by a key, a person, or both (a personal key).
ALTER TABLE missed_call_dismissals ALTER COLUMN dismissed_by DROP NOT NULL;
ALTER TABLE missed_call_dismissals ADD COLUMN dismissed_by_user bigint;
ALTER TABLE missed_call_dismissals ADD COLUMN undismissed_by_user bigint;

-- Media changes and the fetches that will make them.
ALTER TABLE media_audit ADD COLUMN user_id bigint;
ALTER TABLE media_fetch_jobs ADD COLUMN user_id bigint;

-- Settings versions: who wrote each (null for versions written before this migration and by the service).
ALTER TABLE account_settings ADD COLUMN api_key_id bigint;
ALTER TABLE account_settings ADD COLUMN user_id bigint;
