CREATE SCHEMA "basisondersteuning";
--> statement-breakpoint
CREATE SCHEMA "sociale_basis";
--> statement-breakpoint
CREATE SCHEMA "aanvullende_ondersteuning";
--> statement-breakpoint
CREATE SCHEMA "huishoudelijke_hulp";
--> statement-breakpoint
CREATE SCHEMA "financien";
--> statement-breakpoint
CREATE TABLE "basisondersteuning"."huishouden" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"wijk_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "basisondersteuning"."inwoner" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"bsn" text,
	"voornaam" text NOT NULL,
	"achternaam" text NOT NULL,
	"geboortedatum" date NOT NULL,
	"straat" text NOT NULL,
	"huisnummer" text NOT NULL,
	"postcode" text NOT NULL,
	"woonplaats" text NOT NULL,
	"wijk_code" text NOT NULL,
	"huishouden_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "basisondersteuning"."ondersteuning" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"wijk_code" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"soort" text NOT NULL,
	"startdatum" date NOT NULL,
	"einddatum" date
);
--> statement-breakpoint
CREATE TABLE "basisondersteuning"."wijk" (
	"code" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"naam" text NOT NULL,
	"gebied" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sociale_basis"."hulpvraag" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"wijk_code" text NOT NULL,
	"inwoner_id" text,
	"soort" text NOT NULL,
	"status" text NOT NULL,
	"aangemaakt_op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sociale_basis"."kamer" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"naam" text NOT NULL,
	"gebied" text NOT NULL,
	"wijk_code" text NOT NULL,
	"plaats" text NOT NULL,
	"adres" text,
	"hoofdlocatie" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aanvullende_ondersteuning"."toewijzing" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"toewijzing_nummer" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"wijk_code" text NOT NULL,
	"product" text NOT NULL,
	"productcategorie" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"onderaannemer_id" text,
	"status" text NOT NULL,
	"leveringsvorm" text NOT NULL,
	"omvang_volume" integer NOT NULL,
	"omvang_eenheid" text NOT NULL,
	"omvang_frequentie" text NOT NULL,
	"toewijzingsdatum" date NOT NULL,
	"ingangsdatum" date NOT NULL,
	"einddatum" date
);
--> statement-breakpoint
CREATE TABLE "huishoudelijke_hulp"."indicatie" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"wijk_code" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"minuten_per_week" integer NOT NULL,
	"startdatum" date NOT NULL,
	"einddatum" date
);
--> statement-breakpoint
CREATE TABLE "financien"."organisatie" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"naam" text NOT NULL,
	"soort" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financien"."subsidie" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"jaar" integer NOT NULL,
	"bedrag_centen" bigint NOT NULL,
	"doel" text NOT NULL,
	"wijk_code" text
);
--> statement-breakpoint
ALTER TABLE "basisondersteuning"."ondersteuning" ADD CONSTRAINT "ondersteuning_inwoner_id_inwoner_id_fk" FOREIGN KEY ("inwoner_id") REFERENCES "basisondersteuning"."inwoner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."subsidie" ADD CONSTRAINT "subsidie_organisatie_id_organisatie_id_fk" FOREIGN KEY ("organisatie_id") REFERENCES "financien"."organisatie"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inwoner_wijk_idx" ON "basisondersteuning"."inwoner" USING btree ("gemeente_code","wijk_code");--> statement-breakpoint
CREATE UNIQUE INDEX "inwoner_bsn_uq" ON "basisondersteuning"."inwoner" USING btree ("gemeente_code","bsn");--> statement-breakpoint
CREATE INDEX "ondersteuning_inwoner_idx" ON "basisondersteuning"."ondersteuning" USING btree ("inwoner_id");--> statement-breakpoint
CREATE INDEX "ondersteuning_wijk_idx" ON "basisondersteuning"."ondersteuning" USING btree ("gemeente_code","wijk_code");--> statement-breakpoint
CREATE INDEX "ondersteuning_org_idx" ON "basisondersteuning"."ondersteuning" USING btree ("organisatie_id","inwoner_id");--> statement-breakpoint
CREATE INDEX "wijk_gemeente_idx" ON "basisondersteuning"."wijk" USING btree ("gemeente_code");--> statement-breakpoint
CREATE INDEX "hulpvraag_wijk_idx" ON "sociale_basis"."hulpvraag" USING btree ("gemeente_code","wijk_code","status");--> statement-breakpoint
CREATE INDEX "hulpvraag_inwoner_idx" ON "sociale_basis"."hulpvraag" USING btree ("inwoner_id");--> statement-breakpoint
CREATE INDEX "kamer_wijk_idx" ON "sociale_basis"."kamer" USING btree ("gemeente_code","wijk_code");--> statement-breakpoint
CREATE INDEX "toewijzing_inwoner_idx" ON "aanvullende_ondersteuning"."toewijzing" USING btree ("inwoner_id");--> statement-breakpoint
CREATE INDEX "toewijzing_wijk_idx" ON "aanvullende_ondersteuning"."toewijzing" USING btree ("gemeente_code","wijk_code");--> statement-breakpoint
CREATE INDEX "toewijzing_org_idx" ON "aanvullende_ondersteuning"."toewijzing" USING btree ("organisatie_id","inwoner_id");--> statement-breakpoint
CREATE INDEX "toewijzing_onderaannemer_idx" ON "aanvullende_ondersteuning"."toewijzing" USING btree ("onderaannemer_id","inwoner_id");--> statement-breakpoint
CREATE INDEX "indicatie_inwoner_idx" ON "huishoudelijke_hulp"."indicatie" USING btree ("inwoner_id");--> statement-breakpoint
CREATE INDEX "indicatie_wijk_idx" ON "huishoudelijke_hulp"."indicatie" USING btree ("gemeente_code","wijk_code");--> statement-breakpoint
CREATE INDEX "indicatie_org_idx" ON "huishoudelijke_hulp"."indicatie" USING btree ("organisatie_id","inwoner_id");--> statement-breakpoint
CREATE INDEX "organisatie_gemeente_idx" ON "financien"."organisatie" USING btree ("gemeente_code");--> statement-breakpoint
CREATE INDEX "subsidie_org_idx" ON "financien"."subsidie" USING btree ("organisatie_id","jaar");--> statement-breakpoint
CREATE INDEX "subsidie_wijk_idx" ON "financien"."subsidie" USING btree ("gemeente_code","wijk_code","jaar");