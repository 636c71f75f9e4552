CREATE TABLE "slack_deliveries" (
	"key" text PRIMARY KEY NOT NULL,
	"issue_id" uuid,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"thread_ts" text,
	"text" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"message_ts" text,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "slack_deliveries_status_check" CHECK ("slack_deliveries"."status" in ('pending', 'sent'))
);
--> statement-breakpoint
CREATE TABLE "slack_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "reminder_stale_minutes" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "slack_thread_sync" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "slack_user_id" text;--> statement-breakpoint
ALTER TABLE "slack_deliveries" ADD CONSTRAINT "slack_deliveries_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "slack_deliveries_issue_id_idx" ON "slack_deliveries" USING btree ("issue_id");--> statement-breakpoint
CREATE INDEX "slack_deliveries_status_idx" ON "slack_deliveries" USING btree ("status");--> statement-breakpoint
CREATE INDEX "slack_events_received_at_idx" ON "slack_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "issues_slack_thread_idx" ON "issues" USING btree ("slack_channel_id","slack_thread_ts");--> statement-breakpoint
CREATE UNIQUE INDEX "users_slack_user_id_unique" ON "users" USING btree ("slack_user_id");