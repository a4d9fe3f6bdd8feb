CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_attempt_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "plan_run" ADD COLUMN "error_code" text;--> statement-breakpoint
UPDATE "plan_run" SET "error_code" = CASE WHEN "error" = 'Could not be queued' THEN 'not_queued' WHEN "error" LIKE 'Interrupted%' THEN 'interrupted' ELSE 'failed' END WHERE "status" = 'failed';
