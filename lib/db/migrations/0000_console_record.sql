CREATE TABLE "application_records" (
	"entity_id" text NOT NULL,
	"application_id" text NOT NULL,
	"client_type" text,
	"client_type_source" text,
	"created_at" timestamp with time zone,
	"created_by_email" text,
	"created_by_name" text,
	"secret_issued_at" timestamp with time zone,
	"secret_issued_by" text,
	"rotations" integer DEFAULT 0 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_client_id" text,
	"client_id_changed_outside_at" timestamp with time zone,
	"description" text,
	"owner" text,
	"gone_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_records_entity_id_application_id_pk" PRIMARY KEY("entity_id","application_id"),
	CONSTRAINT "application_records_client_type_source" CHECK ("application_records"."client_type_source" in ('console', 'admin')),
	CONSTRAINT "application_records_rotations" CHECK ("application_records"."rotations" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_email" text,
	"actor_name" text,
	"actor_role" text,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"entity_id" text,
	"application_id" text,
	"application_name" text,
	"client_id" text,
	"wink_status" integer,
	"wink_request_id" text,
	"reason" text,
	"changes" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "change_locks" (
	"key" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revoked_sessions" (
	"session_id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submission_claims" (
	"submission_id" text PRIMARY KEY NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_events_entity_recent" ON "audit_events" USING btree ("entity_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "revoked_sessions_expires" ON "revoked_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "submission_claims_expires" ON "submission_claims" USING btree ("expires_at");