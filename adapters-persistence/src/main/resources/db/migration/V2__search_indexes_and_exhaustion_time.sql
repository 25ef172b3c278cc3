-- Indexes for every query shape of GET /files and GET /files/search. Each serves one sort key,
-- keyset-paged on (key, id) within one owner's live files.

-- Substring search on names: trigram index (pg_trgm ships with PostgreSQL's contrib and is a
-- trusted extension, so the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX files_name_trgm_idx ON files USING gin (filename_lower gin_trgm_ops) WHERE deleted_at IS NULL;

-- sort=name: byte order ("C"), so paging does not depend on the server's locale.
CREATE INDEX files_owner_name_idx ON files (owner_id, filename_lower COLLATE "C", id) WHERE deleted_at IS NULL;
-- sort=size and size ranges.
CREATE INDEX files_owner_size_idx ON files (owner_id, size_bytes, id) WHERE deleted_at IS NULL;
-- type=image/png or image/*, newest first.
CREATE INDEX files_owner_type_idx ON files (owner_id, content_type, uploaded_at, id) WHERE deleted_at IS NULL;
-- type=pdf (extension), newest first.
CREATE INDEX files_owner_extension_idx ON files (owner_id, extension, uploaded_at, id) WHERE deleted_at IS NULL;

-- When a link used its last download, so the purge job can keep it answering 410 for the grace
-- period counted from that moment rather than from its creation.
ALTER TABLE share_links ADD COLUMN exhausted_at timestamptz;
