CREATE TYPE "public"."incident_state" AS ENUM('reported', 'reviewed', 'closed');--> statement-breakpoint
CREATE TYPE "public"."incident_theme" AS ENUM('fall', 'medication', 'missed_visit', 'infection', 'pressure_ulcer', 'violence', 'equipment', 'information', 'other');--> statement-breakpoint
CREATE TYPE "public"."handover_shift" AS ENUM('day', 'evening', 'night');--> statement-breakpoint
CREATE TABLE "incident" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"recipient_id" uuid,
	"measure_id" uuid,
	"dose_administration_id" uuid,
	"theme" "incident_theme" NOT NULL,
	"what_happened" text NOT NULL,
	"consequence" text NOT NULL,
	"immediate_action" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" "incident_state" DEFAULT 'reported' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"learned" text,
	"change" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "incident_closed_learned" CHECK ("incident"."state" <> 'closed' OR ("incident"."learned" IS NOT NULL AND "incident"."change" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "handover_ack" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"recipient_id" uuid,
	"kind" text NOT NULL,
	"source_key" text NOT NULL,
	"shift_date" date NOT NULL,
	"shift" "handover_shift" NOT NULL,
	"user_id" uuid NOT NULL,
	"acked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visit" ADD COLUMN "note_for_handover" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_measure_id_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_reported_by_user_account_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_reviewed_by_user_account_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_closed_by_user_account_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_ack" ADD CONSTRAINT "handover_ack_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_ack" ADD CONSTRAINT "handover_ack_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_ack" ADD CONSTRAINT "handover_ack_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_team_state_idx" ON "incident" USING btree ("team_id","state");--> statement-breakpoint
CREATE INDEX "incident_recipient_idx" ON "incident" USING btree ("recipient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "handover_ack_once_idx" ON "handover_ack" USING btree ("user_id","kind","source_key");--> statement-breakpoint
CREATE INDEX "handover_ack_team_idx" ON "handover_ack" USING btree ("team_id","shift_date");