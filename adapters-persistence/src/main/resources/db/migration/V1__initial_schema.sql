-- Satchel's tables live in their own schema (created by Flyway) so they can share a database.

CREATE TABLE users (
    id               uuid         PRIMARY KEY,
    email            varchar(254) NOT NULL,
    email_normalized varchar(254) NOT NULL,
    password_hash    varchar(512) NOT NULL,
    created_at       timestamptz  NOT NULL
);
-- Uniqueness of an address, compared case-insensitively; also the login lookup.
CREATE UNIQUE INDEX users_email_normalized_key ON users (email_normalized);

CREATE TABLE files (
    id              uuid          PRIMARY KEY,
    owner_id        uuid          NOT NULL REFERENCES users (id),
    filename        varchar(1024) NOT NULL,
    filename_lower  varchar(1024) NOT NULL,
    extension       varchar(64)   NOT NULL,
    size_bytes      bigint        NOT NULL CHECK (size_bytes >= 0),
    content_type    varchar(255)  NOT NULL,
    checksum_sha256 char(64)      NOT NULL,
    storage_key     varchar(64)   NOT NULL,
    uploaded_at     timestamptz   NOT NULL,
    deleted_at      timestamptz
);
CREATE UNIQUE INDEX files_storage_key_key ON files (storage_key);
-- GET /files: the owner's live files, newest first, keyset-paged on (uploaded_at, id).
CREATE INDEX files_owner_uploaded_idx ON files (owner_id, uploaded_at, id) WHERE deleted_at IS NULL;
-- The purge job looks for old tombstones.
CREATE INDEX files_deleted_idx ON files (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE share_links (
    id             uuid         PRIMARY KEY,
    file_id        uuid         NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    owner_id       uuid         NOT NULL REFERENCES users (id),
    token_hash     char(64)     NOT NULL,
    created_at     timestamptz  NOT NULL,
    expires_at     timestamptz  NOT NULL,
    max_downloads  integer      CHECK (max_downloads IS NULL OR max_downloads > 0),
    download_count integer      NOT NULL DEFAULT 0 CHECK (download_count >= 0),
    password_hash  varchar(512),
    revoked_at     timestamptz
);
-- Public downloads look links up by the hash of their token only.
CREATE UNIQUE INDEX share_links_token_hash_key ON share_links (token_hash);
CREATE INDEX share_links_file_idx ON share_links (file_id, created_at);
CREATE INDEX share_links_expires_idx ON share_links (expires_at);
