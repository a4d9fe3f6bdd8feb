CREATE TYPE "public"."reporting_kind" AS ENUM('report', 'form', 'rule');--> statement-breakpoint
CREATE TYPE "public"."reporting_outcome" AS ENUM('keep', 'simplify', 'derive', 'remove');--> statement-breakpoint
CREATE TYPE "public"."reporting_status" AS ENUM('open', 'proposed', 'decided');--> statement-breakpoint
CREATE TABLE "reporting_estimate" (
	"item_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"hours_per_month" numeric(7, 1) NOT NULL,
	"estimated_by" uuid NOT NULL,
	"estimated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_estimate_item_team" UNIQUE("item_id","team_id"),
	CONSTRAINT "reporting_estimate_hours" CHECK ("reporting_estimate"."hours_per_month" >= 0 AND "reporting_estimate"."hours_per_month" <= 10000)
);
--> statement-breakpoint
CREATE TABLE "reporting_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" "reporting_kind" NOT NULL,
	"asked_by" text NOT NULL,
	"informs" text NOT NULL,
	"legal_basis" text,
	"named_by" uuid NOT NULL,
	"named_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "reporting_status" DEFAULT 'open' NOT NULL,
	"outcome" "reporting_outcome",
	"reason" text,
	"hours_after" numeric(7, 1),
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reporting_item_decision_complete" CHECK ("reporting_item"."status" = 'open' OR ("reporting_item"."outcome" IS NOT NULL AND "reporting_item"."reason" IS NOT NULL AND "reporting_item"."hours_after" IS NOT NULL AND "reporting_item"."proposed_by" IS NOT NULL)),
	CONSTRAINT "reporting_item_confirmed_by_other" CHECK ("reporting_item"."confirmed_by" IS NULL OR "reporting_item"."confirmed_by" <> "reporting_item"."proposed_by")
);
--> statement-breakpoint
ALTER TABLE "reporting_estimate" ADD CONSTRAINT "reporting_estimate_item_id_reporting_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."reporting_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_estimate" ADD CONSTRAINT "reporting_estimate_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_estimate" ADD CONSTRAINT "reporting_estimate_estimated_by_user_account_id_fk" FOREIGN KEY ("estimated_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_item" ADD CONSTRAINT "reporting_item_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_item" ADD CONSTRAINT "reporting_item_named_by_user_account_id_fk" FOREIGN KEY ("named_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_item" ADD CONSTRAINT "reporting_item_proposed_by_user_account_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_item" ADD CONSTRAINT "reporting_item_confirmed_by_user_account_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reporting_item_municipality_idx" ON "reporting_item" USING btree ("municipality_id");