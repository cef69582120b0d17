CREATE TABLE "profile_changes" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "profile_changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "profile_changes_organisation_seq_idx" ON "profile_changes" USING btree ("organisation_id","seq");--> statement-breakpoint
CREATE INDEX "profile_changes_customer_idx" ON "profile_changes" USING btree ("customer_id");