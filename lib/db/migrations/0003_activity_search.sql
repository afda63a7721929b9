-- The activity page's free-text search is a substring of seven fields (lib/audit/read.ts,
-- `searchText`): no B-tree serves it, and a walk of 100,000 events is seconds on PGlite. A trigram
-- index over exactly that expression finds the matching events instead. pg_trgm is a trusted
-- extension (PostgreSQL 13+): an owner of the database may create it; PGlite loads it in
-- lib/db/connection.ts. The expression must stay the same as the query's, character for character.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "audit_events_search" ON "audit_events" USING gin ((lower(coalesce("reason", '') || chr(31) || coalesce("actor_name", '') || chr(31) || coalesce("actor_email", '') || chr(31) || coalesce("application_name", '') || chr(31) || coalesce("application_id", '') || chr(31) || coalesce("client_id", '') || chr(31) || coalesce("wink_request_id", ''))) gin_trgm_ops);
