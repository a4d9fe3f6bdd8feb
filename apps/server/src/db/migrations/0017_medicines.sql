CREATE TYPE "public"."dispensing" AS ENUM('multidose', 'pill_organiser', 'original_packs');--> statement-breakpoint
CREATE TYPE "public"."dosage_form" AS ENUM('tablet', 'capsule', 'liquid', 'injection', 'patch', 'inhaler', 'drops', 'cream', 'other');--> statement-breakpoint
CREATE TYPE "public"."dose_status" AS ENUM('given', 'self_taken', 'not_given');--> statement-breakpoint
CREATE TYPE "public"."drug_route" AS ENUM('oral', 'subcutaneous', 'intramuscular', 'transdermal', 'inhaled', 'topical', 'eye', 'rectal', 'other');--> statement-breakpoint
CREATE TYPE "public"."medication_source" AS ENUM('gp_letter', 'discharge_summary', 'e_prescription', 'pharmacy', 'other');--> statement-breakpoint
CREATE TYPE "public"."not_given_reason" AS ENUM('refused', 'asleep', 'not_home', 'missing', 'other');--> statement-breakpoint
CREATE TABLE "dose_administration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"medication_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"visit_id" uuid,
	"date" date NOT NULL,
	"planned_minute" smallint,
	"as_needed" boolean DEFAULT false NOT NULL,
	"status" "dose_status" NOT NULL,
	"not_given_reason" "not_given_reason",
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_by_staff" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"needs_second" boolean DEFAULT false NOT NULL,
	"second_by" uuid,
	"second_by_staff" uuid,
	"second_at" timestamp with time zone,
	"effect" text,
	"effect_by" uuid,
	"effect_at" timestamp with time zone,
	CONSTRAINT "dose_second_not_same" CHECK ("dose_administration"."second_by" IS NULL OR "dose_administration"."second_by" <> "dose_administration"."recorded_by"),
	CONSTRAINT "dose_planned_minute" CHECK ("dose_administration"."as_needed" OR "dose_administration"."planned_minute" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "high_risk_drug" (
	"municipality_id" uuid NOT NULL,
	"atc_prefix" text NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "high_risk_drug_municipality_id_atc_prefix_pk" PRIMARY KEY("municipality_id","atc_prefix")
);
--> statement-breakpoint
CREATE TABLE "medication_reconciliation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"source" "medication_source" NOT NULL,
	"source_note" text,
	"note" text,
	"decisions" jsonb NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "medication_version" (
	"medication_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"source" "medication_source" NOT NULL,
	"source_note" text,
	"reason" text NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "medication_version_medication_id_version_pk" PRIMARY KEY("medication_id","version")
);
--> statement-breakpoint
CREATE TABLE "medication" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"drug_name" text NOT NULL,
	"form" "dosage_form" NOT NULL,
	"strength" text NOT NULL,
	"dose" text NOT NULL,
	"times" smallint[] NOT NULL,
	"route" "drug_route" NOT NULL,
	"indication" text NOT NULL,
	"prescriber" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"as_needed" boolean DEFAULT false NOT NULL,
	"max_per_24h" smallint,
	"dispensing" "dispensing" NOT NULL,
	"atc_code" text,
	"high_risk" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "medication_period" CHECK ("medication"."valid_until" IS NULL OR "medication"."valid_until" >= "medication"."valid_from"),
	CONSTRAINT "medication_prn_max" CHECK (NOT "medication"."as_needed" OR "medication"."max_per_24h" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "pill_organiser_fill" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"note" text,
	"filled_by" uuid NOT NULL,
	"filled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	CONSTRAINT "pill_organiser_fill_checker" CHECK ("pill_organiser_fill"."checked_by" IS NULL OR "pill_organiser_fill"."checked_by" <> "pill_organiser_fill"."filled_by")
);
--> statement-breakpoint
ALTER TABLE "dose_administration" ADD CONSTRAINT "dose_administration_medication_id_medication_id_fk" FOREIGN KEY ("medication_id") REFERENCES "public"."medication"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_administration" ADD CONSTRAINT "dose_administration_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_administration" ADD CONSTRAINT "dose_administration_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_administration" ADD CONSTRAINT "dose_administration_recorded_by_user_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_administration" ADD CONSTRAINT "dose_administration_recorded_by_staff_staff_id_fk" FOREIGN KEY ("recorded_by_staff") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_administration" ADD CONSTRAINT "dose_administration_second_by_user_account_id_fk" FOREIGN KEY ("second_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_administration" ADD CONSTRAINT "dose_administration_second_by_staff_staff_id_fk" FOREIGN KEY ("second_by_staff") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_administration" ADD CONSTRAINT "dose_administration_effect_by_user_account_id_fk" FOREIGN KEY ("effect_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "high_risk_drug" ADD CONSTRAINT "high_risk_drug_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medication_reconciliation" ADD CONSTRAINT "medication_reconciliation_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medication_reconciliation" ADD CONSTRAINT "medication_reconciliation_confirmed_by_user_account_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medication_version" ADD CONSTRAINT "medication_version_medication_id_medication_id_fk" FOREIGN KEY ("medication_id") REFERENCES "public"."medication"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medication_version" ADD CONSTRAINT "medication_version_changed_by_user_account_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medication" ADD CONSTRAINT "medication_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pill_organiser_fill" ADD CONSTRAINT "pill_organiser_fill_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pill_organiser_fill" ADD CONSTRAINT "pill_organiser_fill_filled_by_user_account_id_fk" FOREIGN KEY ("filled_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pill_organiser_fill" ADD CONSTRAINT "pill_organiser_fill_checked_by_user_account_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dose_administration_recipient_idx" ON "dose_administration" USING btree ("recipient_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "dose_administration_planned_idx" ON "dose_administration" USING btree ("medication_id","date","planned_minute") WHERE NOT as_needed;--> statement-breakpoint
CREATE INDEX "medication_reconciliation_recipient_idx" ON "medication_reconciliation" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "medication_recipient_idx" ON "medication" USING btree ("recipient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pill_organiser_fill_period_idx" ON "pill_organiser_fill" USING btree ("recipient_id","period_from");