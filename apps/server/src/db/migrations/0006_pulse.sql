CREATE TYPE "public"."pulse_level" AS ENUM('team', 'leader');--> statement-breakpoint
CREATE TABLE "pulse_receipt" (
	"user_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	CONSTRAINT "pulse_receipt_user_id_quarter_pk" PRIMARY KEY("user_id","quarter")
);
--> statement-breakpoint
CREATE TABLE "pulse_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"team_id" uuid,
	"level" "pulse_level" NOT NULL,
	"quarter" text NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pulse_receipt" ADD CONSTRAINT "pulse_receipt_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_response" ADD CONSTRAINT "pulse_response_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_response" ADD CONSTRAINT "pulse_response_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pulse_response_group_idx" ON "pulse_response" USING btree ("district_id","quarter");