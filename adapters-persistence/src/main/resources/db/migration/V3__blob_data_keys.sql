-- Encryption at rest: the wrapped data key of every encrypted blob, keyed by the blob's storage
-- key (1:1 with files.storage_key, written by the storage decorator before the file row exists).
-- Rotation re-wraps rows here; blobs are never rewritten. No row = a blob stored in plaintext.
CREATE TABLE blob_data_keys (
    storage_key       varchar(64) PRIMARY KEY,
    key_id            varchar(64) NOT NULL,
    wrapped_key       bytea       NOT NULL,
    ciphertext_length bigint      NOT NULL CHECK (ciphertext_length >= 0)
);
-- Whether the file's blob is encrypted at rest; false for every file stored before.
ALTER TABLE files ADD COLUMN encrypted boolean NOT NULL DEFAULT false;
-- Rotation finds the rows of other keys; health counts rows per key.
CREATE INDEX blob_data_keys_key_id_idx ON blob_data_keys (key_id);
