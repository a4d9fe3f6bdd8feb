CREATE TYPE "public"."team_note_kind" AS ENUM('note', 'action');--> statement-breakpoint
CREATE TYPE "public"."team_note_owner" AS ENUM('team', 'coordinator', 'nurse', 'health_worker', 'therapist', 'case_handler', 'leader');--> statement-breakpoint
CREATE TABLE "leader_self_assessment" (
	"user_id" uuid NOT NULL,
	"misconception" text NOT NULL,
	"rating" smallint,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leader_self_assessment_user_id_misconception_pk" PRIMARY KEY("user_id","misconception"),
	CONSTRAINT "leader_self_assessment_rating" CHECK ("leader_self_assessment"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "team_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" "team_note_kind" NOT NULL,
	"text" text NOT NULL,
	"owner_role" "team_note_owner" DEFAULT 'team' NOT NULL,
	"due_date" date,
	"done" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leader_self_assessment" ADD CONSTRAINT "leader_self_assessment_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_note" ADD CONSTRAINT "team_note_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_note_team_idx" ON "team_note" USING btree ("team_id","created_at");