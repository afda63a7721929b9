CREATE TABLE "notification_posts" (
	"day" text NOT NULL,
	"digest_hash" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"posted_at" timestamp with time zone,
	CONSTRAINT "notification_posts_day_digest_hash_pk" PRIMARY KEY("day","digest_hash")
);
