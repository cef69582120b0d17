CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"trigger_kind" text NOT NULL,
	"store_ids" text[],
	"segment_id" text,
	"offer_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"priority" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_validity" CHECK ("offers"."valid_from" < "offers"."valid_until")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rule" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "birth_month" smallint;--> statement-breakpoint
CREATE INDEX "campaigns_organisation_status_idx" ON "campaigns" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "campaigns_store_ids_idx" ON "campaigns" USING gin ("store_ids");--> statement-breakpoint
CREATE INDEX "offers_organisation_name_idx" ON "offers" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "segments_organisation_name_idx" ON "segments" USING btree ("organisation_id","name");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_birth_month_range" CHECK ("customers"."birth_month" between 1 and 12);