CREATE TYPE "public"."portal_consent_via" AS ENUM('portal', 'in_person');--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'citizen';--> statement-breakpoint
ALTER TYPE "public"."audit_basis" ADD VALUE 'portal';--> statement-breakpoint
CREATE TABLE "portal_account" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"next_of_kin_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "portal_account_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "portal_consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"next_of_kin_id" uuid NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"given_by" uuid NOT NULL,
	"given_via" "portal_consent_via" NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "portal_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"sent_by" uuid NOT NULL,
	"text" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portal_account" ADD CONSTRAINT "portal_account_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_account" ADD CONSTRAINT "portal_account_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_account" ADD CONSTRAINT "portal_account_next_of_kin_id_next_of_kin_id_fk" FOREIGN KEY ("next_of_kin_id") REFERENCES "public"."next_of_kin"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_account" ADD CONSTRAINT "portal_account_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_consent" ADD CONSTRAINT "portal_consent_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_consent" ADD CONSTRAINT "portal_consent_next_of_kin_id_next_of_kin_id_fk" FOREIGN KEY ("next_of_kin_id") REFERENCES "public"."next_of_kin"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_consent" ADD CONSTRAINT "portal_consent_given_by_user_account_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_consent" ADD CONSTRAINT "portal_consent_revoked_by_user_account_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_message" ADD CONSTRAINT "portal_message_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_message" ADD CONSTRAINT "portal_message_sent_by_user_account_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_account_self_idx" ON "portal_account" USING btree ("recipient_id") WHERE next_of_kin_id IS NULL AND revoked_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_account_kin_idx" ON "portal_account" USING btree ("next_of_kin_id") WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_consent_live_idx" ON "portal_consent" USING btree ("next_of_kin_id") WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE INDEX "portal_consent_recipient_idx" ON "portal_consent" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "portal_message_recipient_idx" ON "portal_message" USING btree ("recipient_id","sent_at");