CREATE TABLE "privacy"."afhaling" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "privacy"."afhaling_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"gemeente_code" text NOT NULL,
	"op" timestamp with time zone DEFAULT now() NOT NULL,
	"gebruiker" text NOT NULL,
	"rol" text NOT NULL,
	"organisatie" text,
	"soort" text NOT NULL,
	"periode" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" integer NOT NULL,
	"trace_id" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "afhaling_op_idx" ON "privacy"."afhaling" USING btree ("gemeente_code","op");--> statement-breakpoint
-- The afhaalregister is append-only, like the processing log: a record that can be changed proves nothing.
CREATE FUNCTION "privacy"."afhaling_alleen_toevoegen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'privacy.afhaling is append-only';
END
$$;--> statement-breakpoint
CREATE TRIGGER "afhaling_alleen_toevoegen" BEFORE UPDATE OR DELETE ON "privacy"."afhaling"
  FOR EACH ROW EXECUTE FUNCTION "privacy"."afhaling_alleen_toevoegen"();--> statement-breakpoint
CREATE TRIGGER "afhaling_niet_legen" BEFORE TRUNCATE ON "privacy"."afhaling"
  FOR EACH STATEMENT EXECUTE FUNCTION "privacy"."afhaling_alleen_toevoegen"();
