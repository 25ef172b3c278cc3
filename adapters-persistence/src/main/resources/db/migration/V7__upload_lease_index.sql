-- Every replica renews all the upload leases it holds in one statement every few seconds
-- (WHERE lease_token = ANY(...)): a partial index keeps that to the rows being written now.
CREATE INDEX resumable_uploads_lease_token ON resumable_uploads (lease_token) WHERE lease_token IS NOT NULL;
