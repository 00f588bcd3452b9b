CREATE TABLE "store_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"mode" text NOT NULL,
	"params" jsonb NOT NULL,
	"since" date,
	"data_timestamp" text,
	"next_page_token" text,
	"pages" integer DEFAULT 0 NOT NULL,
	"studies_seen" integer DEFAULT 0 NOT NULL,
	"upserted" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped_invalid" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error_message" text,
	"resumed_from" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trials" (
	"nct_id" text PRIMARY KEY NOT NULL,
	"raw" jsonb NOT NULL,
	"raw_hash" text NOT NULL,
	"title" text NOT NULL,
	"official_title" text,
	"overall_status" text,
	"phases" text[] DEFAULT '{}'::text[] NOT NULL,
	"conditions" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"interventions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"study_type" text,
	"min_age_years" real,
	"max_age_years" real,
	"sex" text,
	"healthy_volunteers" boolean,
	"last_update_post_date" date,
	"sites" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(search_text, ''))) STORED,
	"source" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sync_runs_status_idx" ON "sync_runs" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "trials_search_idx" ON "trials" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "trials_conditions_idx" ON "trials" USING gin ("conditions");--> statement-breakpoint
CREATE INDEX "trials_status_idx" ON "trials" USING btree ("overall_status");--> statement-breakpoint
CREATE INDEX "trials_last_update_idx" ON "trials" USING btree ("last_update_post_date");