-- EXPLAIN (ANALYZE, BUFFERS) of the SQL Satchel issues for each search shape that bench/run
-- times over HTTP (see adapters-persistence/.../file/FileSearchSql.java: one statement,
-- SELECT * ... WHERE owner_id AND deleted_at IS NULL AND <filters>
-- ORDER BY <key> <dir>, id <dir> LIMIT <limit + 1>, keyset cursor as a row comparison).
--
--   psql -h 127.0.0.1 -U postgres -d <db> -v owner=<uuid> -v name=voice -v ext=pdf \
--        -v after=2026-01-01 -v before=2026-02-01 -v limit=50 -v deep_limit=20 -v deep_pages=20 \
--        [-v name_collate='"C"'] -f bench/search-explain.sql
--
-- name_collate: the collation of the sort=name ORDER BY; '"C"' once Satchel sorts names in byte
-- order (migration V2 adds an index for it), '"default"' before that (the default).

\set ON_ERROR_STOP on
\pset pager off
\if :{?name_collate}
\else
  \set name_collate '"default"'
\endif
SET search_path = satchel;

\echo '=== name substring: GET /files/search?name=' :name
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM files
WHERE owner_id = :'owner' AND deleted_at IS NULL
  AND filename_lower LIKE '%' || lower(:'name') || '%' ESCAPE '\'
ORDER BY uploaded_at DESC, id DESC LIMIT :limit + 1;

\echo '=== type filter (extension): GET /files/search?type=' :ext
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM files
WHERE owner_id = :'owner' AND deleted_at IS NULL AND extension = :'ext'
ORDER BY uploaded_at DESC, id DESC LIMIT :limit + 1;

\echo '=== date range: GET /files/search?uploaded_after=' :after '&uploaded_before=' :before
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM files
WHERE owner_id = :'owner' AND deleted_at IS NULL
  AND uploaded_at >= :'after'::timestamptz AND uploaded_at < :'before'::timestamptz
ORDER BY uploaded_at DESC, id DESC LIMIT :limit + 1;

\echo '=== first page: GET /files'
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM files
WHERE owner_id = :'owner' AND deleted_at IS NULL
ORDER BY uploaded_at DESC, id DESC LIMIT :limit + 1;

SELECT :deep_pages > 0 AS has_deep \gset
\if :has_deep
SELECT uploaded_at AS deep_at, id AS deep_id FROM files
WHERE owner_id = :'owner' AND deleted_at IS NULL
ORDER BY uploaded_at DESC, id DESC
OFFSET :deep_limit * :deep_pages - 1 LIMIT 1 \gset
\echo '=== deep page: GET /files?limit=' :deep_limit 'after' :deep_pages 'pages (cursor at' :deep_at :deep_id ')'
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM files
WHERE owner_id = :'owner' AND deleted_at IS NULL
  AND (uploaded_at, id) < (:'deep_at'::timestamptz, :'deep_id'::uuid)
ORDER BY uploaded_at DESC, id DESC LIMIT :deep_limit + 1;
\else
\echo '=== deep page: skipped (no rel=next page was followed)'
\endif

\echo '=== sorted by name: GET /files/search?sort=name&order=asc'
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM files
WHERE owner_id = :'owner' AND deleted_at IS NULL
ORDER BY filename_lower COLLATE :name_collate ASC, id ASC LIMIT :limit + 1;

\echo '=== sorted by size: GET /files/search?sort=size&order=desc'
EXPLAIN (ANALYZE, BUFFERS)
SELECT * FROM files
WHERE owner_id = :'owner' AND deleted_at IS NULL
ORDER BY size_bytes DESC, id DESC LIMIT :limit + 1;
