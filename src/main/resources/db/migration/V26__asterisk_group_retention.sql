-- Asterisk (ADR 0030): a linkedid's row is deleted with the raw-document retention once its call has no documents
-- left; when it was first seen tells a row of a call whose documents are gone from one whose documents are on their
-- way (stored a moment after the row, in another transaction).
ALTER TABLE asterisk_linkedids ADD COLUMN first_seen_at timestamptz NOT NULL DEFAULT now();
