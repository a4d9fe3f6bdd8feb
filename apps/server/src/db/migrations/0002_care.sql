CREATE TYPE "public"."goal_status" AS ENUM('active', 'achieved', 'paused', 'ended');--> statement-breakpoint
CREATE TYPE "public"."measure_outcome" AS ENUM('done', 'not_done', 'changed');--> statement-breakpoint
CREATE TYPE "public"."measure_status" AS ENUM('active', 'paused', 'ended');--> statement-breakpoint
CREATE TYPE "public"."observation_kind" AS ENUM('blood_pressure', 'pulse', 'temperature', 'weight', 'spo2', 'respiratory_rate', 'news2');--> statement-breakpoint
CREATE TYPE "public"."visit_status" AS ENUM('planned', 'started', 'done', 'cancelled');--> statement-breakpoint
CREATE TABLE "condition_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"visit_id" uuid,
	"text" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_by" uuid,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"closing_note" text
);
--> statement-breakpoint
CREATE TABLE "goal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"what_matters_id" uuid,
	"description" text NOT NULL,
	"review_date" date NOT NULL,
	"status" "goal_status" DEFAULT 'active' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_version" (
	"measure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"decided_with_person" boolean NOT NULL,
	CONSTRAINT "measure_version_measure_id_version_pk" PRIMARY KEY("measure_id","version")
);
--> statement-breakpoint
CREATE TABLE "measure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"goal_id" uuid,
	"professional_need" text,
	"title" text NOT NULL,
	"how" text DEFAULT '' NOT NULL,
	"days" smallint[] NOT NULL,
	"every_weeks" smallint DEFAULT 1 NOT NULL,
	"window_start" smallint NOT NULL,
	"window_end" smallint NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"required_competence" text,
	"two_helpers" boolean DEFAULT false NOT NULL,
	"usual_staff_id" uuid,
	"valid_from" date DEFAULT current_date NOT NULL,
	"status" "measure_status" DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_reason" CHECK ("measure"."goal_id" IS NOT NULL OR "measure"."professional_need" IS NOT NULL),
	CONSTRAINT "measure_window" CHECK ("measure"."window_end" > "measure"."window_start")
);
--> statement-breakpoint
CREATE TABLE "observation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"visit_id" uuid,
	"kind" "observation_kind" NOT NULL,
	"value" double precision NOT NULL,
	"value2" double precision,
	"unit" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_measure" (
	"visit_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"outcome" "measure_outcome",
	"reason" text,
	CONSTRAINT "visit_measure_visit_id_measure_id_pk" PRIMARY KEY("visit_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "visit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"date" date NOT NULL,
	"window_start" smallint NOT NULL,
	"window_end" smallint NOT NULL,
	"staff_id" uuid,
	"second_staff_id" uuid,
	"status" "visit_status" DEFAULT 'planned' NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "what_matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"present" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "condition_change" ADD CONSTRAINT "condition_change_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_change" ADD CONSTRAINT "condition_change_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_change" ADD CONSTRAINT "condition_change_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_change" ADD CONSTRAINT "condition_change_taken_by_user_account_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_change" ADD CONSTRAINT "condition_change_closed_by_user_account_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_what_matters_id_what_matters_id_fk" FOREIGN KEY ("what_matters_id") REFERENCES "public"."what_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_version" ADD CONSTRAINT "measure_version_measure_id_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_version" ADD CONSTRAINT "measure_version_changed_by_user_account_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure" ADD CONSTRAINT "measure_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure" ADD CONSTRAINT "measure_goal_id_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure" ADD CONSTRAINT "measure_required_competence_competence_type_code_fk" FOREIGN KEY ("required_competence") REFERENCES "public"."competence_type"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure" ADD CONSTRAINT "measure_usual_staff_id_staff_id_fk" FOREIGN KEY ("usual_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation" ADD CONSTRAINT "observation_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation" ADD CONSTRAINT "observation_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation" ADD CONSTRAINT "observation_recorded_by_user_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_measure" ADD CONSTRAINT "visit_measure_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_measure" ADD CONSTRAINT "visit_measure_measure_id_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_second_staff_id_staff_id_fk" FOREIGN KEY ("second_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "what_matters" ADD CONSTRAINT "what_matters_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "what_matters" ADD CONSTRAINT "what_matters_recorded_by_user_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "condition_change_open_idx" ON "condition_change" USING btree ("recipient_id","closed_at");--> statement-breakpoint
CREATE INDEX "goal_recipient_idx" ON "goal" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "measure_recipient_idx" ON "measure" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "observation_recipient_idx" ON "observation" USING btree ("recipient_id","recorded_at");--> statement-breakpoint
CREATE INDEX "visit_staff_date_idx" ON "visit" USING btree ("staff_id","date");--> statement-breakpoint
CREATE INDEX "visit_recipient_date_idx" ON "visit" USING btree ("recipient_id","date");--> statement-breakpoint
CREATE INDEX "what_matters_recipient_idx" ON "what_matters" USING btree ("recipient_id");