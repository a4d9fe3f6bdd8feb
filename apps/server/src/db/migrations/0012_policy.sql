CREATE TABLE "survey_held" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"channel" "survey_channel" NOT NULL,
	"respondent" "survey_respondent" NOT NULL,
	"answers" jsonb NOT NULL,
	"open_answer" text
);
--> statement-breakpoint
CREATE TABLE "pulse_held" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"team_id" uuid,
	"level" "pulse_level" NOT NULL,
	"quarter" text NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
-- «Hvem kommer?» links made before they expired, ended with the care relation and respected
-- consent cannot say whom they were given to: they end here, and the team makes new ones.
DELETE FROM "visiting_link";--> statement-breakpoint
ALTER TABLE "visiting_link" ADD COLUMN "team_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "visiting_link" ADD COLUMN "next_of_kin_id" uuid;--> statement-breakpoint
ALTER TABLE "visiting_link" ADD COLUMN "expires_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_held" ADD CONSTRAINT "survey_held_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_held" ADD CONSTRAINT "pulse_held_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_held" ADD CONSTRAINT "pulse_held_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visiting_link" ADD CONSTRAINT "visiting_link_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visiting_link" ADD CONSTRAINT "visiting_link_next_of_kin_id_next_of_kin_id_fk" FOREIGN KEY ("next_of_kin_id") REFERENCES "public"."next_of_kin"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Should two decisions of one service be in force for one person (a race before this index),
-- the one that took effect last stays in force, as superseding would have left it.
UPDATE "service_decision" sd SET "status" = 'superseded'
 WHERE sd."status" = 'active' AND EXISTS (
   SELECT 1 FROM "service_decision" o
    WHERE o."recipient_id" = sd."recipient_id" AND o."service_type" = sd."service_type" AND o."status" = 'active'
      AND (COALESCE(o."cosigned_at", o."decided_at"), o."id") > (COALESCE(sd."cosigned_at", sd."decided_at"), sd."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "service_decision_one_active_idx" ON "service_decision" USING btree ("recipient_id","service_type") WHERE status = 'active';--> statement-breakpoint
-- Answers stored before the ballot box share xmin, commit order and physical order with the
-- link (or receipt) used up for them. Write them once more, in a random order with new ids, so
-- those ties are gone (the old row versions remain on disk until VACUUM; see ARCHITECTURE.md).
CREATE TEMP TABLE "survey_rewrite" AS SELECT "team_id", "quarter", "channel", "respondent", "answers", "open_answer" FROM "survey_response";--> statement-breakpoint
DELETE FROM "survey_response";--> statement-breakpoint
INSERT INTO "survey_response" ("team_id", "quarter", "channel", "respondent", "answers", "open_answer")
  SELECT * FROM "survey_rewrite" ORDER BY gen_random_uuid();--> statement-breakpoint
DROP TABLE "survey_rewrite";--> statement-breakpoint
CREATE TEMP TABLE "pulse_rewrite" AS SELECT "district_id", "team_id", "level", "quarter", "answers" FROM "pulse_response";--> statement-breakpoint
DELETE FROM "pulse_response";--> statement-breakpoint
INSERT INTO "pulse_response" ("district_id", "team_id", "level", "quarter", "answers")
  SELECT * FROM "pulse_rewrite" ORDER BY gen_random_uuid();--> statement-breakpoint
DROP TABLE "pulse_rewrite";