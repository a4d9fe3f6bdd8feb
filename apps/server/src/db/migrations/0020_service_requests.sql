CREATE TYPE "public"."requester_kind" AS ENUM('self', 'next_of_kin', 'gp', 'hospital', 'other');--> statement-breakpoint
CREATE TABLE "service_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"requester_kind" "requester_kind" NOT NULL,
	"requester_name" text,
	"recipient_id" uuid,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"national_id" text,
	"birth_date" date,
	"phone" text,
	"address_line" text,
	"services" "service_type"[] NOT NULL,
	"description" text NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"registered_by" uuid NOT NULL,
	"late_reason" text,
	"decision_id" uuid,
	"linked_at" timestamp with time zone,
	"linked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "service_request_arrived_before_registered" CHECK ("service_request"."arrived_at" <= "service_request"."registered_at"),
	CONSTRAINT "service_request_identifies" CHECK ("service_request"."recipient_id" IS NOT NULL OR "service_request"."national_id" IS NOT NULL OR "service_request"."birth_date" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_registered_by_user_account_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_decision_id_service_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."service_decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request" ADD CONSTRAINT "service_request_linked_by_user_account_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_request_team_idx" ON "service_request" USING btree ("team_id","arrived_at");--> statement-breakpoint
CREATE INDEX "service_request_recipient_idx" ON "service_request" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "service_request_decision_idx" ON "service_request" USING btree ("decision_id");