CREATE TYPE "public"."decision_status" AS ENUM('active', 'awaiting_cosign', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."service_type" AS ENUM('hjemmesykepleie', 'praktisk_bistand', 'opplaering', 'trygghetsalarm');--> statement-breakpoint
CREATE TABLE "service_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"service_type" "service_type" NOT NULL,
	"hours_per_week" numeric NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"needs_and_wishes" text NOT NULL,
	"reasons" text NOT NULL,
	"legal_basis" text NOT NULL,
	"within_frame" boolean NOT NULL,
	"status" "decision_status" NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cosigned_by" uuid,
	"cosigned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "team_frame" (
	"team_id" uuid NOT NULL,
	"service_type" "service_type" NOT NULL,
	"max_hours_per_week" numeric NOT NULL,
	CONSTRAINT "team_frame_team_id_service_type_pk" PRIMARY KEY("team_id","service_type")
);
--> statement-breakpoint
ALTER TABLE "service_decision" ADD CONSTRAINT "service_decision_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_decision" ADD CONSTRAINT "service_decision_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_decision" ADD CONSTRAINT "service_decision_decided_by_user_account_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_decision" ADD CONSTRAINT "service_decision_cosigned_by_user_account_id_fk" FOREIGN KEY ("cosigned_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_frame" ADD CONSTRAINT "team_frame_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_decision_recipient_idx" ON "service_decision" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "service_decision_team_status_idx" ON "service_decision" USING btree ("team_id","status");