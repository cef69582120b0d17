CREATE TABLE "visits" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"store_id" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ingested_events" ADD COLUMN "customer_id" text;--> statement-breakpoint
CREATE INDEX "visits_customer_latest_idx" ON "visits" USING btree ("customer_id","visited_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "visits_store_customer_idx" ON "visits" USING btree ("store_id","customer_id","visited_at");--> statement-breakpoint
CREATE INDEX "ingested_events_customer_idx" ON "ingested_events" USING btree ("customer_id");--> statement-breakpoint
UPDATE "ingested_events" AS e SET "customer_id" = c."id" FROM "customers" AS c WHERE c."id" = e."payload"->>'customerId';--> statement-breakpoint
UPDATE "ingested_events" SET "payload" = ("payload" - 'customerId' - 'clientId') || '{"erased": true}'::jsonb WHERE "customer_id" IS NULL AND "payload" ? 'customerId';--> statement-breakpoint
INSERT INTO "visits" ("id", "organisation_id", "customer_id", "store_id", "visited_at", "method") SELECT e."id", c."organisation_id", c."id", e."store_id", e."occurred_at", coalesce(e."payload"->>'method', 'app') FROM "ingested_events" AS e JOIN "customers" AS c ON c."id" = e."customer_id" WHERE e."kind" = 'check-in' ON CONFLICT DO NOTHING;
