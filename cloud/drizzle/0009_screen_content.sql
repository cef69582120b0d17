CREATE TABLE "content_items" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playlists" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"store_id" text NOT NULL,
	"name" text NOT NULL,
	"screen_id" text,
	"zone_id" text,
	"priority" integer NOT NULL,
	"entries" jsonb NOT NULL,
	"dayparts" jsonb NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "playlists_one_target" CHECK (("playlists"."screen_id" is null) <> ("playlists"."zone_id" is null))
);
--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playlists" ADD CONSTRAINT "playlists_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playlists" ADD CONSTRAINT "playlists_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_items_organisation_idx" ON "content_items" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "playlists_store_idx" ON "playlists" USING btree ("store_id","id");