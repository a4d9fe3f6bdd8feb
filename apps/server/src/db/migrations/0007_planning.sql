CREATE TYPE "public"."absence_reason" AS ENUM('sick', 'leave', 'course', 'other');--> statement-breakpoint
CREATE TYPE "public"."plan_change_kind" AS ENUM('added', 'removed', 'retimed');--> statement-breakpoint
CREATE TYPE "public"."plan_run_kind" AS ENUM('period', 'sick_day');--> statement-breakpoint
CREATE TYPE "public"."plan_run_status" AS ENUM('queued', 'running', 'done', 'failed', 'published', 'discarded');--> statement-breakpoint
CREATE TYPE "public"."shift_kind" AS ENUM('day', 'evening', 'night');--> statement-breakpoint
CREATE TABLE "absence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" "absence_reason" NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absence_dates" CHECK ("absence"."to_date" >= "absence"."from_date")
);
--> statement-breakpoint
CREATE TABLE "plan_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"run_id" uuid,
	"kind" "plan_change_kind" NOT NULL,
	"date" date NOT NULL,
	"planned_start" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_lock" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"visit_id" uuid,
	"staff_id" uuid NOT NULL,
	"date" date,
	"locked_by" uuid NOT NULL,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_lock_target" CHECK (("plan_lock"."visit_id" IS NULL) <> ("plan_lock"."date" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "plan_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" "plan_run_kind" NOT NULL,
	"from_date" date NOT NULL,
	"days" smallint NOT NULL,
	"status" "plan_run_status" DEFAULT 'queued' NOT NULL,
	"time_limit_seconds" smallint NOT NULL,
	"progress" jsonb,
	"problem" jsonb,
	"solution" jsonb,
	"figures" jsonb,
	"error" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"published_by" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rota_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" "shift_kind" NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"every_weeks" smallint DEFAULT 1 NOT NULL,
	"week_offset" smallint DEFAULT 0 NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rota_entry_time" CHECK ("rota_entry"."end_minute" > "rota_entry"."start_minute"),
	CONSTRAINT "rota_entry_cycle" CHECK ("rota_entry"."every_weeks" BETWEEN 1 AND 4 AND "rota_entry"."week_offset" >= 0 AND "rota_entry"."week_offset" < "rota_entry"."every_weeks")
);
--> statement-breakpoint
CREATE TABLE "visiting_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "visiting_link_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "visit" ADD COLUMN "planned_start" smallint;--> statement-breakpoint
ALTER TABLE "visit" ADD COLUMN "published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence" ADD CONSTRAINT "absence_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_change" ADD CONSTRAINT "plan_change_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_change" ADD CONSTRAINT "plan_change_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_change" ADD CONSTRAINT "plan_change_run_id_plan_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."plan_run"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_lock" ADD CONSTRAINT "plan_lock_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_lock" ADD CONSTRAINT "plan_lock_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_lock" ADD CONSTRAINT "plan_lock_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_lock" ADD CONSTRAINT "plan_lock_locked_by_user_account_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_run" ADD CONSTRAINT "plan_run_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_run" ADD CONSTRAINT "plan_run_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_run" ADD CONSTRAINT "plan_run_published_by_user_account_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_entry" ADD CONSTRAINT "rota_entry_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_entry" ADD CONSTRAINT "rota_entry_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visiting_link" ADD CONSTRAINT "visiting_link_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visiting_link" ADD CONSTRAINT "visiting_link_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absence_staff_idx" ON "absence" USING btree ("staff_id","from_date");--> statement-breakpoint
CREATE INDEX "plan_change_staff_idx" ON "plan_change" USING btree ("staff_id","seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_lock_visit_unique" ON "plan_lock" USING btree ("visit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_lock_staff_day_unique" ON "plan_lock" USING btree ("staff_id","date");--> statement-breakpoint
CREATE INDEX "plan_run_team_idx" ON "plan_run" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "rota_entry_team_idx" ON "rota_entry" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "visiting_link_recipient_idx" ON "visiting_link" USING btree ("recipient_id");