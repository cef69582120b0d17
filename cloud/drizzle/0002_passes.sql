CREATE TABLE "pass_revocations" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"pass_id" text NOT NULL,
	"reason" text NOT NULL,
	"revoked_at" timestamp with time zone NOT NULL,
	"pass_expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "passes" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"app_public_jwk" jsonb NOT NULL,
	"app_key_thumbprint" text NOT NULL,
	"kid" text NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pass_revocations_pass_unique" ON "pass_revocations" USING btree ("pass_id");--> statement-breakpoint
CREATE INDEX "pass_revocations_organisation_seq_idx" ON "pass_revocations" USING btree ("organisation_id","seq");--> statement-breakpoint
CREATE INDEX "passes_customer_idx" ON "passes" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "passes_app_key_idx" ON "passes" USING btree ("app_key_thumbprint");