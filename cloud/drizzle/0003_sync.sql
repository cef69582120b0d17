ALTER TABLE "customers" ADD COLUMN "email_normalized" text GENERATED ALWAYS AS (lower(regexp_replace("email", '\s', '', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "email_canonical" text GENERATED ALWAYS AS (regexp_replace(split_part(lower(regexp_replace("email", '\s', '', 'g')), '@', 1), '\+.*$|\.', '', 'g') || '@' || split_part(lower(regexp_replace("email", '\s', '', 'g')), '@', 2)) STORED;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "phone_normalized" text GENERATED ALWAYS AS (nullif(regexp_replace("phone", '[^0-9]', '', 'g'), '')) STORED;--> statement-breakpoint
CREATE INDEX "customers_email_normalized_idx" ON "customers" USING btree ("organisation_id","email_normalized");--> statement-breakpoint
CREATE INDEX "customers_email_canonical_idx" ON "customers" USING btree ("organisation_id","email_canonical");--> statement-breakpoint
CREATE INDEX "customers_phone_normalized_idx" ON "customers" USING btree ("organisation_id","phone_normalized");--> statement-breakpoint
CREATE INDEX "customers_phone_tail_idx" ON "customers" USING btree ("organisation_id",right("phone_normalized", 9));--> statement-breakpoint
CREATE INDEX "customers_tier_idx" ON "customers" USING btree ("organisation_id","tier");