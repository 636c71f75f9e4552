ALTER TABLE "issue_assignees" ADD COLUMN "is_open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "issue_assignees_open_user_id_idx" ON "issue_assignees" USING btree ("user_id") WHERE "issue_assignees"."is_open";--> statement-breakpoint
CREATE INDEX "issues_team_status_priority_idx" ON "issues" USING btree ("team_id","status","priority");--> statement-breakpoint
-- Workload counts read issue_assignees alone: is_open follows the issue's status through these triggers,
-- whichever code path changes it. search_path is pinned so the functions stay inside DB_SCHEMA.
UPDATE "issue_assignees" a SET "is_open" = i."status" IN ('open', 'acknowledged', 'in_progress') FROM "issues" i WHERE i."id" = a."issue_id";--> statement-breakpoint
CREATE OR REPLACE FUNCTION issue_assignees_set_open() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  SELECT i.status IN ('open', 'acknowledged', 'in_progress') INTO NEW.is_open FROM issues i WHERE i.id = NEW.issue_id;
  RETURN NEW;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER issue_assignees_set_open BEFORE INSERT ON "issue_assignees" FOR EACH ROW EXECUTE FUNCTION issue_assignees_set_open();--> statement-breakpoint
CREATE OR REPLACE FUNCTION issues_sync_assignee_open() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
BEGIN
  UPDATE issue_assignees SET is_open = NEW.status IN ('open', 'acknowledged', 'in_progress') WHERE issue_id = NEW.id;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER issues_sync_assignee_open AFTER UPDATE OF "status" ON "issues" FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION issues_sync_assignee_open();
