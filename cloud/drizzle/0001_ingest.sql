CREATE TABLE "ingested_events" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ingested_events_store_kind_time_idx" ON "ingested_events" USING btree ("store_id","kind","occurred_at");--> statement-breakpoint
CREATE INDEX "ingested_events_kind_time_idx" ON "ingested_events" USING btree ("kind","occurred_at");