CREATE TABLE "event_invitations" (
	"event_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"store_id" text NOT NULL,
	"invited_via" text NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"rsvp" text DEFAULT 'pending' NOT NULL,
	"companions" integer DEFAULT 0 NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"ticket_id" text,
	"rsvp_code" text NOT NULL,
	CONSTRAINT "event_invitations_event_id_customer_id_pk" PRIMARY KEY("event_id","customer_id"),
	CONSTRAINT "event_invitations_companions" CHECK ("event_invitations"."companions" between 0 and 9)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"store_ids" text[] NOT NULL,
	"starts_at" text NOT NULL,
	"ends_at" text NOT NULL,
	"sessions" jsonb NOT NULL,
	"first_starts_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"segment_id" text,
	"host_associate_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_capacity_positive" CHECK ("events"."capacity" >= 1)
);
--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_invitations_rsvp_code_unique" ON "event_invitations" USING btree ("rsvp_code");--> statement-breakpoint
CREATE INDEX "event_invitations_customer_idx" ON "event_invitations" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "events_organisation_name_idx" ON "events" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "events_store_ids_idx" ON "events" USING gin ("store_ids");