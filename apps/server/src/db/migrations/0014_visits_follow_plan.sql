CREATE INDEX "visit_measure_measure_idx" ON "visit_measure" USING btree ("measure_id");--> statement-breakpoint
-- Generations that raced on PostgreSQL could make two planned visits for one person, day and
-- window: the first (by id) takes the others' measures, and the others are cancelled, empty.
CREATE TEMPORARY TABLE "visit_duplicate" AS
  SELECT id, first_value(id) OVER (PARTITION BY recipient_id, date, window_start, window_end ORDER BY id) AS keep
    FROM visit WHERE status = 'planned';--> statement-breakpoint
DELETE FROM "visit_duplicate" WHERE id = keep;--> statement-breakpoint
INSERT INTO "visit_measure" (visit_id, measure_id)
  SELECT d.keep, vm.measure_id FROM "visit_duplicate" d JOIN "visit_measure" vm ON vm.visit_id = d.id
  ON CONFLICT DO NOTHING;--> statement-breakpoint
DELETE FROM "visit_measure" vm USING "visit_duplicate" d WHERE vm.visit_id = d.id;--> statement-breakpoint
UPDATE "visit" v SET status = 'cancelled', version = v.version + 1 FROM "visit_duplicate" d WHERE v.id = d.id;--> statement-breakpoint
DROP TABLE "visit_duplicate";--> statement-breakpoint
CREATE UNIQUE INDEX "visit_planned_slot_idx" ON "visit" USING btree ("recipient_id","date","window_start","window_end") WHERE status = 'planned';
