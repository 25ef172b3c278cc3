-- Seeds Satchel's schema with users and file metadata rows for the search benchmark.
--
-- Run it against a database where Satchel has already created the `satchel` schema (Flyway runs
-- at start) and where one real user `source_email` was registered through the API. That user
-- becomes owner number 0; `users - 1` more users are inserted with emails
-- <prefix>N@<domain> (N = 1 .. users-1) and a copy of its password hash, so every seeded user
-- can log in with the real user's password. `rows` file rows are spread evenly over all owners
-- (row g belongs to owner g % users), in one INSERT ... SELECT over generate_series.
--
--   psql -h 127.0.0.1 -U postgres -d <db> -v ON_ERROR_STOP=1 \
--        -v source_email=bench-0@example.com -v users=1000 -v rows=1000000 \
--        -f bench/search-seed.sql
--
-- Variables (all optional except source_email): users (1000), rows (1000000),
-- prefix ('bench-'), domain ('example.com').
--
-- Per owner, file number j = g / users (0 .. rows/users - 1) gets:
--   extension   = one of 10 (pdf jpg png txt docx xlsx zip mp4 csv json), j % 10
--   filename    = <word>-<j>.<extension>, word one of 12 (j / 10 % 12), e.g. "invoice-0042.pdf"
--   size_bytes  = log-uniform between 1 KiB and ~1 GB
--   uploaded_at = uniform over the last 365 days
-- The blobs do not exist; these rows are for metadata queries only (do not download them).

\set ON_ERROR_STOP on
\if :{?source_email}
\else
  \echo 'search-seed.sql: -v source_email=<a registered user> is required'
  \quit
\endif
\if :{?users}
\else
  \set users 1000
\endif
\if :{?rows}
\else
  \set rows 1000000
\endif
\if :{?prefix}
\else
  \set prefix 'bench-'
\endif
\if :{?domain}
\else
  \set domain 'example.com'
\endif

\timing on
BEGIN;

CREATE TEMP TABLE bench_owner (n integer PRIMARY KEY, id uuid NOT NULL) ON COMMIT DROP;

INSERT INTO bench_owner (n, id)
SELECT 0, id FROM satchel.users WHERE email_normalized = lower(trim(:'source_email'));

DO $$
BEGIN
  IF (SELECT count(*) FROM bench_owner WHERE n = 0) <> 1 THEN
    RAISE EXCEPTION 'search-seed.sql: source_email is not a registered user';
  END IF;
END
$$;

INSERT INTO bench_owner (n, id)
SELECT n, gen_random_uuid() FROM generate_series(1, :users - 1) AS n;

INSERT INTO satchel.users (id, email, email_normalized, password_hash, created_at)
SELECT o.id,
       :'prefix' || o.n || '@' || :'domain',
       lower(:'prefix' || o.n || '@' || :'domain'),
       src.password_hash,
       now() - interval '400 days'
FROM bench_owner o
CROSS JOIN (SELECT password_hash FROM satchel.users
            WHERE email_normalized = lower(trim(:'source_email'))) AS src
WHERE o.n > 0;

INSERT INTO satchel.files (id, owner_id, filename, filename_lower, extension, size_bytes,
                           content_type, checksum_sha256, storage_key, uploaded_at, deleted_at)
SELECT f.id,
       o.id,
       f.name,
       lower(f.name),
       f.ext,
       f.size_bytes,
       f.content_type,
       encode(sha256(convert_to(f.id::text, 'UTF8')), 'hex'),
       substr(md5(f.id::text), 1, 2) || '/' || substr(md5(f.id::text), 3, 2) || '/' || f.id,
       f.uploaded_at,
       NULL
FROM (
  SELECT g,
         id,
         (ARRAY['report', 'invoice', 'photo', 'holiday', 'contract', 'notes',
                'backup', 'scan', 'slides', 'budget', 'Draft', 'README'])[1 + (j / 10) % 12]
           || '-' || lpad(j::text, 4, '0') || '.' || (ARRAY['pdf', 'jpg', 'png', 'txt', 'docx',
                'xlsx', 'zip', 'mp4', 'csv', 'json'])[1 + j % 10] AS name,
         (ARRAY['pdf', 'jpg', 'png', 'txt', 'docx', 'xlsx', 'zip', 'mp4', 'csv', 'json'])[1 + j % 10] AS ext,
         (ARRAY['application/pdf', 'image/jpeg', 'image/png', 'text/plain',
                'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                'application/zip', 'video/mp4', 'text/csv', 'application/json'])[1 + j % 10] AS content_type,
         (1024 * power(1e6::double precision, random()))::bigint AS size_bytes,
         now() - random() * interval '365 days' AS uploaded_at
  FROM (SELECT g, g / :users AS j, gen_random_uuid() AS id
        FROM generate_series(0, :rows - 1) AS g) AS s
) AS f
JOIN bench_owner o ON o.n = f.g % :users;

COMMIT;

ANALYZE satchel.users;
ANALYZE satchel.files;

SELECT count(*) AS users FROM satchel.users;
SELECT count(*) AS files FROM satchel.files;
