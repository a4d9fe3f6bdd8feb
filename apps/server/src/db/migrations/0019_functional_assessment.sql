CREATE TYPE "public"."assessment_item" AS ENUM('socialParticipation', 'dailyDecisions', 'behaviour', 'memory', 'communication', 'vision', 'hearing', 'shopping', 'housework', 'cooking', 'eating', 'personalHygiene', 'dressing', 'toilet', 'ownHealth', 'movingIndoors', 'movingOutdoors');--> statement-breakpoint
CREATE TABLE "functional_assessment_score" (
	"assessment_id" uuid NOT NULL,
	"item" "assessment_item" NOT NULL,
	"score" smallint NOT NULL,
	CONSTRAINT "functional_assessment_score_assessment_id_item_pk" PRIMARY KEY("assessment_id","item"),
	CONSTRAINT "functional_assessment_score_range" CHECK ("functional_assessment_score"."score" IN (1, 2, 3, 4, 5, 9))
);
--> statement-breakpoint
CREATE TABLE "functional_assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"assessed_by" uuid NOT NULL,
	"with_person" boolean DEFAULT true NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"condition_change_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "functional_assessment_score" ADD CONSTRAINT "functional_assessment_score_assessment_id_functional_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."functional_assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "functional_assessment" ADD CONSTRAINT "functional_assessment_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "functional_assessment" ADD CONSTRAINT "functional_assessment_assessed_by_staff_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "functional_assessment" ADD CONSTRAINT "functional_assessment_condition_change_id_condition_change_id_fk" FOREIGN KEY ("condition_change_id") REFERENCES "public"."condition_change"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "functional_assessment_recipient_idx" ON "functional_assessment" USING btree ("recipient_id","assessed_on");