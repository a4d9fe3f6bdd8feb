ALTER TABLE "team" ADD COLUMN "address_line" text;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "phone" text;