CREATE TABLE "basisondersteuning"."beschikking_aanvraag" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"aangevraagd_op" date NOT NULL,
	"aangevraagd_door" text NOT NULL,
	"advies" text,
	"advies_organisatie" text,
	"advies_op" date,
	"besluit" text,
	"besluit_gronden" text,
	"besluit_datum" date,
	"besluit_door" text,
	"bezwaar_op" date
);
--> statement-breakpoint
CREATE TABLE "basisondersteuning"."contactmoment" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"soort" text NOT NULL,
	"datum" date NOT NULL,
	"medewerker" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "basisondersteuning"."lopende_beschikking" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"product" text NOT NULL,
	"einddatum" date NOT NULL,
	"perspectiefgesprek_uiterlijk" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "basisondersteuning"."signaal" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"soort" text NOT NULL,
	"stap" text,
	"op" date NOT NULL,
	"door" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "basisondersteuning"."verwijzing" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"product" text NOT NULL,
	"criteria" text[] NOT NULL,
	"toewijzing_id" text NOT NULL,
	"door" text NOT NULL,
	"op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "basisondersteuning"."beschikking_aanvraag" ADD CONSTRAINT "beschikking_aanvraag_inwoner_id_inwoner_id_fk" FOREIGN KEY ("inwoner_id") REFERENCES "basisondersteuning"."inwoner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basisondersteuning"."contactmoment" ADD CONSTRAINT "contactmoment_inwoner_id_inwoner_id_fk" FOREIGN KEY ("inwoner_id") REFERENCES "basisondersteuning"."inwoner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basisondersteuning"."lopende_beschikking" ADD CONSTRAINT "lopende_beschikking_inwoner_id_inwoner_id_fk" FOREIGN KEY ("inwoner_id") REFERENCES "basisondersteuning"."inwoner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basisondersteuning"."signaal" ADD CONSTRAINT "signaal_inwoner_id_inwoner_id_fk" FOREIGN KEY ("inwoner_id") REFERENCES "basisondersteuning"."inwoner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basisondersteuning"."verwijzing" ADD CONSTRAINT "verwijzing_inwoner_id_inwoner_id_fk" FOREIGN KEY ("inwoner_id") REFERENCES "basisondersteuning"."inwoner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beschikking_aanvraag_inwoner_idx" ON "basisondersteuning"."beschikking_aanvraag" USING btree ("inwoner_id");--> statement-breakpoint
CREATE INDEX "contactmoment_inwoner_idx" ON "basisondersteuning"."contactmoment" USING btree ("inwoner_id","soort");--> statement-breakpoint
CREATE INDEX "lopende_beschikking_inwoner_idx" ON "basisondersteuning"."lopende_beschikking" USING btree ("inwoner_id");--> statement-breakpoint
CREATE INDEX "lopende_beschikking_org_idx" ON "basisondersteuning"."lopende_beschikking" USING btree ("gemeente_code","organisatie_id");--> statement-breakpoint
CREATE INDEX "signaal_inwoner_idx" ON "basisondersteuning"."signaal" USING btree ("inwoner_id");--> statement-breakpoint
CREATE INDEX "verwijzing_inwoner_idx" ON "basisondersteuning"."verwijzing" USING btree ("inwoner_id");