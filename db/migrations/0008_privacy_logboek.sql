CREATE SCHEMA "privacy";
--> statement-breakpoint
CREATE TABLE "privacy"."verwerkersovereenkomst" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"doel" text NOT NULL,
	"ingangsdatum" date NOT NULL,
	"einddatum" date,
	"vastgelegd_door" text NOT NULL,
	"vastgelegd_op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy"."verwerking" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "privacy"."verwerking_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"gemeente_code" text NOT NULL,
	"trace_id" text NOT NULL,
	"span_id" text NOT NULL,
	"parent_span_id" text,
	"naam" text NOT NULL,
	"dienst" text NOT NULL,
	"soort" text NOT NULL,
	"start_tijd" timestamp with time zone NOT NULL,
	"eind_tijd" timestamp with time zone NOT NULL,
	"status_code" smallint NOT NULL,
	"verwerkingsactiviteit" text NOT NULL,
	"doel" text NOT NULL,
	"betrokkene" text NOT NULL,
	"betrokkene_type" text NOT NULL,
	"rol" text NOT NULL,
	"organisatie" text,
	"gebruiker" text NOT NULL,
	"velden" text[] NOT NULL,
	"veld_niveaus" smallint[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "verwerkersovereenkomst_org_idx" ON "privacy"."verwerkersovereenkomst" USING btree ("gemeente_code","organisatie_id","doel");--> statement-breakpoint
CREATE INDEX "verwerking_betrokkene_idx" ON "privacy"."verwerking" USING btree ("gemeente_code","betrokkene","id");--> statement-breakpoint
CREATE INDEX "verwerking_trace_idx" ON "privacy"."verwerking" USING btree ("trace_id");--> statement-breakpoint
CREATE INDEX "verwerking_organisatie_idx" ON "privacy"."verwerking" USING btree ("gemeente_code","organisatie","id");--> statement-breakpoint
-- The processing log is append-only: a record that can be changed proves nothing.
CREATE FUNCTION "privacy"."verwerking_alleen_toevoegen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'privacy.verwerking is append-only';
END
$$;--> statement-breakpoint
CREATE TRIGGER "verwerking_alleen_toevoegen" BEFORE UPDATE OR DELETE ON "privacy"."verwerking"
  FOR EACH ROW EXECUTE FUNCTION "privacy"."verwerking_alleen_toevoegen"();--> statement-breakpoint
CREATE TRIGGER "verwerking_niet_legen" BEFORE TRUNCATE ON "privacy"."verwerking"
  FOR EACH STATEMENT EXECUTE FUNCTION "privacy"."verwerking_alleen_toevoegen"();
