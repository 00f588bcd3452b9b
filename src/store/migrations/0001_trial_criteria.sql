CREATE TABLE "trial_criteria" (
	"nct_id" text PRIMARY KEY NOT NULL,
	"parser_version" text NOT NULL,
	"raw_hash" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"parsed" integer NOT NULL,
	"partial" integer NOT NULL,
	"unparsed" integer NOT NULL,
	"parsed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trial_criteria" ADD CONSTRAINT "trial_criteria_nct_id_trials_nct_id_fk" FOREIGN KEY ("nct_id") REFERENCES "public"."trials"("nct_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trial_criteria_version_idx" ON "trial_criteria" USING btree ("parser_version");