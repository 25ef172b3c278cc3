-- Resumable uploads (tus 1.0.0). offset counts only bytes the staging store holds durably; the
-- staging state is the store's own bookkeeping (local: empty; S3: multipart upload id, parts and
-- the staged tail below the minimum part size). A writer holds the row's lease (token + expiry)
-- while it appends, so two concurrent PATCHes on any replicas cannot both write.
CREATE TABLE resumable_uploads (
    id               uuid          PRIMARY KEY,
    owner_id         uuid          NOT NULL REFERENCES users (id),
    upload_length    bigint        NOT NULL CHECK (upload_length >= 0),
    upload_offset    bigint        NOT NULL CHECK (upload_offset >= 0 AND upload_offset <= upload_length),
    filename         varchar(1024) NOT NULL,
    filetype         varchar(255),
    created_at       timestamptz   NOT NULL,
    expires_at       timestamptz   NOT NULL,
    staging_state    text          NOT NULL,
    lease_token      uuid,
    lease_expires_at timestamptz,
    -- The file the upload became; set in the transaction that inserts the file row.
    file_id          uuid
);
-- The expiry job walks uploads by expiry; creation sums an owner's unfinished ones for the quota.
CREATE INDEX resumable_uploads_expires_idx ON resumable_uploads (expires_at);
CREATE INDEX resumable_uploads_owner_idx ON resumable_uploads (owner_id) WHERE file_id IS NULL;
