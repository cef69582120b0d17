CREATE TABLE "screens" (
	"store_id" text NOT NULL,
	"id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"zone_id" text NOT NULL,
	"name" text NOT NULL,
	"orientation" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"player_version" text,
	CONSTRAINT "screens_store_id_id_pk" PRIMARY KEY("store_id","id"),
	CONSTRAINT "screens_resolution_positive" CHECK ("screens"."width" > 0 and "screens"."height" > 0)
);
--> statement-breakpoint
ALTER TABLE "screens" ADD CONSTRAINT "screens_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screens" ADD CONSTRAINT "screens_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "screens_zone_idx" ON "screens" USING btree ("zone_id");