CREATE TYPE "public"."survey_respondent" AS ENUM('person', 'next_of_kin');--> statement-breakpoint
CREATE TYPE "public"."survey_channel" AS ENUM('tablet', 'link', 'phone');--> statement-breakpoint
CREATE TABLE "survey_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"recipient_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"channel" "survey_channel" NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "survey_link_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"channel" "survey_channel" NOT NULL,
	"respondent" "survey_respondent" NOT NULL,
	"answers" jsonb NOT NULL,
	"open_answer" text
);
--> statement-breakpoint
ALTER TABLE "survey_link" ADD CONSTRAINT "survey_link_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_link" ADD CONSTRAINT "survey_link_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_link" ADD CONSTRAINT "survey_link_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_link_recipient_idx" ON "survey_link" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "survey_response_team_quarter_idx" ON "survey_response" USING btree ("team_id","quarter");