CREATE TABLE "rca_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"issue_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"investigator" text NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rca_steps_investigator_check" CHECK ("rca_steps"."investigator" in ('external', 'llm', 'checklist')),
	CONSTRAINT "rca_steps_kind_check" CHECK ("rca_steps"."kind" in ('started', 'progress', 'finding', 'failed', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "triage_models" (
	"name" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"model" text NOT NULL,
	"example_count" integer NOT NULL,
	"team_count" integer NOT NULL,
	"trained_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "explicit_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "duplicate_of_id" uuid;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "auto_resolve_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "auto_resolve_min_confidence" double precision DEFAULT 0.8 NOT NULL;--> statement-breakpoint
ALTER TABLE "rca_steps" ADD CONSTRAINT "rca_steps_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rca_steps_run_seq_unique" ON "rca_steps" USING btree ("run_id","seq");--> statement-breakpoint
CREATE INDEX "rca_steps_issue_id_idx" ON "rca_steps" USING btree ("issue_id");--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_duplicate_of_id_issues_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "issues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issues_duplicate_of_id_idx" ON "issues" USING btree ("duplicate_of_id");