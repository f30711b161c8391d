CREATE TABLE "huishoudelijke_hulp"."aanvraag" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"wijk_code" text NOT NULL,
	"status" text NOT NULL,
	"voorkeur_aanbieder_id" text,
	"aanbieder_id" text,
	"toewijzingsreden" text,
	"indicatie_id" text,
	"ingediend_op" timestamp with time zone NOT NULL,
	"ingediend_door" text NOT NULL,
	"toegewezen_op" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "huishoudelijke_hulp"."capaciteit" (
	"gemeente_code" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"max_clienten" integer NOT NULL,
	CONSTRAINT "capaciteit_gemeente_code_organisatie_id_pk" PRIMARY KEY("gemeente_code","organisatie_id")
);
--> statement-breakpoint
CREATE TABLE "huishoudelijke_hulp"."hulp" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"organisatie_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "huishoudelijke_hulp"."koppeling" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"hulp_id" text NOT NULL,
	"van" date NOT NULL,
	"tot" date
);
--> statement-breakpoint
CREATE TABLE "huishoudelijke_hulp"."normjaar" (
	"gemeente_code" text NOT NULL,
	"jaar" integer NOT NULL,
	"standaard_looptijd_maanden" integer NOT NULL,
	"lange_looptijd_maanden" integer NOT NULL,
	"leeftijd_lange_looptijd" integer NOT NULL,
	"vakantieweken" jsonb NOT NULL,
	"vakantie_reductie_procent" integer NOT NULL,
	"gewijzigd_door" text NOT NULL,
	"gewijzigd_op" timestamp with time zone NOT NULL,
	CONSTRAINT "normjaar_gemeente_code_jaar_pk" PRIMARY KEY("gemeente_code","jaar")
);
--> statement-breakpoint
CREATE TABLE "huishoudelijke_hulp"."normregel" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"jaar" integer NOT NULL,
	"activiteit" text NOT NULL,
	"omschrijving" text NOT NULL,
	"minuten_per_week" integer NOT NULL,
	"extra_minuten_per_persoon" integer NOT NULL,
	"schoonmaak" boolean NOT NULL,
	"gewijzigd_door" text NOT NULL,
	"gewijzigd_op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "huishoudelijke_hulp"."overdracht" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"soort" text NOT NULL,
	"van_aanbieder_id" text NOT NULL,
	"naar_aanbieder_id" text,
	"per" date NOT NULL,
	"door" text NOT NULL,
	"op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "huishoudelijke_hulp"."overdracht_regel" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"overdracht_id" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"hulp_id" text,
	"oude_indicatie_id" text NOT NULL,
	"nieuwe_indicatie_id" text,
	"naar_aanbieder_id" text,
	"koppeling_behouden" boolean NOT NULL,
	"reden" text
);
--> statement-breakpoint
CREATE TABLE "financien"."abonnementstarief" (
	"gemeente_code" text NOT NULL,
	"jaar" integer NOT NULL,
	"bedrag_centen" bigint NOT NULL,
	"periode" text NOT NULL,
	"bron" text NOT NULL,
	CONSTRAINT "abonnementstarief_gemeente_code_jaar_pk" PRIMARY KEY("gemeente_code","jaar")
);
--> statement-breakpoint
CREATE TABLE "financien"."besparing" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"maatregel_id" text NOT NULL,
	"jaar" integer NOT NULL,
	"bedrag_centen" bigint NOT NULL,
	"toelichting" text NOT NULL,
	"door" text NOT NULL,
	"op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financien"."herverdeling" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"jaar" integer NOT NULL,
	"van_lumpsum_id" text NOT NULL,
	"naar_lumpsum_id" text NOT NULL,
	"bedrag_centen" bigint NOT NULL,
	"motivering" text NOT NULL,
	"status" text NOT NULL,
	"aangevraagd_door" text NOT NULL,
	"besluit_motivering" text
);
--> statement-breakpoint
CREATE TABLE "financien"."herverdeling_gebeurtenis" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"herverdeling_id" text NOT NULL,
	"soort" text NOT NULL,
	"organisatie_id" text,
	"door" text NOT NULL,
	"op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financien"."kostprijs" (
	"gemeente_code" text NOT NULL,
	"jaar" integer NOT NULL,
	"perceel" text NOT NULL,
	"eenheid" text NOT NULL,
	"bedrag_centen" bigint NOT NULL,
	"bron" text NOT NULL,
	CONSTRAINT "kostprijs_gemeente_code_jaar_perceel_pk" PRIMARY KEY("gemeente_code","jaar","perceel")
);
--> statement-breakpoint
CREATE TABLE "financien"."lumpsum" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"jaar" integer NOT NULL,
	"perceel" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"bedrag_centen" bigint NOT NULL,
	"herkomst" text NOT NULL,
	"vastgesteld_door" text NOT NULL,
	"vastgesteld_op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financien"."maatregel" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"volgorde" integer NOT NULL,
	"groep" integer NOT NULL,
	"omschrijving" text NOT NULL,
	"bedrag_centen" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financien"."taakstelling" (
	"gemeente_code" text PRIMARY KEY NOT NULL,
	"doel_centen" bigint NOT NULL,
	"risicoreserve_centen" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "huishoudelijke_hulp"."indicatie" ADD COLUMN "berekening" jsonb;--> statement-breakpoint
ALTER TABLE "huishoudelijke_hulp"."indicatie" ADD COLUMN "voortzetting_van" text;--> statement-breakpoint
ALTER TABLE "financien"."subsidie" ADD COLUMN "voorwaarden" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "huishoudelijke_hulp"."overdracht_regel" ADD CONSTRAINT "overdracht_regel_overdracht_id_overdracht_id_fk" FOREIGN KEY ("overdracht_id") REFERENCES "huishoudelijke_hulp"."overdracht"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."besparing" ADD CONSTRAINT "besparing_maatregel_id_maatregel_id_fk" FOREIGN KEY ("maatregel_id") REFERENCES "financien"."maatregel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."herverdeling" ADD CONSTRAINT "herverdeling_van_lumpsum_id_lumpsum_id_fk" FOREIGN KEY ("van_lumpsum_id") REFERENCES "financien"."lumpsum"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."herverdeling" ADD CONSTRAINT "herverdeling_naar_lumpsum_id_lumpsum_id_fk" FOREIGN KEY ("naar_lumpsum_id") REFERENCES "financien"."lumpsum"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."herverdeling_gebeurtenis" ADD CONSTRAINT "herverdeling_gebeurtenis_herverdeling_id_herverdeling_id_fk" FOREIGN KEY ("herverdeling_id") REFERENCES "financien"."herverdeling"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."lumpsum" ADD CONSTRAINT "lumpsum_organisatie_id_organisatie_id_fk" FOREIGN KEY ("organisatie_id") REFERENCES "financien"."organisatie"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aanvraag_status_idx" ON "huishoudelijke_hulp"."aanvraag" USING btree ("gemeente_code","status","ingediend_op");--> statement-breakpoint
CREATE INDEX "aanvraag_aanbieder_idx" ON "huishoudelijke_hulp"."aanvraag" USING btree ("aanbieder_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "aanvraag_een_open_idx" ON "huishoudelijke_hulp"."aanvraag" USING btree ("inwoner_id") WHERE status in ('WACHTRIJ', 'TOEGEWEZEN');--> statement-breakpoint
CREATE INDEX "hulp_org_idx" ON "huishoudelijke_hulp"."hulp" USING btree ("gemeente_code","organisatie_id");--> statement-breakpoint
CREATE INDEX "koppeling_inwoner_idx" ON "huishoudelijke_hulp"."koppeling" USING btree ("inwoner_id");--> statement-breakpoint
CREATE INDEX "koppeling_hulp_idx" ON "huishoudelijke_hulp"."koppeling" USING btree ("hulp_id");--> statement-breakpoint
CREATE UNIQUE INDEX "koppeling_een_actief_idx" ON "huishoudelijke_hulp"."koppeling" USING btree ("inwoner_id") WHERE tot is null;--> statement-breakpoint
CREATE UNIQUE INDEX "normregel_jaar_activiteit_idx" ON "huishoudelijke_hulp"."normregel" USING btree ("gemeente_code","jaar","activiteit");--> statement-breakpoint
CREATE INDEX "overdracht_regel_overdracht_idx" ON "huishoudelijke_hulp"."overdracht_regel" USING btree ("overdracht_id");--> statement-breakpoint
CREATE INDEX "besparing_maatregel_jaar_idx" ON "financien"."besparing" USING btree ("maatregel_id","jaar","op");--> statement-breakpoint
CREATE INDEX "herverdeling_jaar_idx" ON "financien"."herverdeling" USING btree ("gemeente_code","jaar");--> statement-breakpoint
CREATE INDEX "herverdeling_gebeurtenis_idx" ON "financien"."herverdeling_gebeurtenis" USING btree ("herverdeling_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lumpsum_jaar_perceel_org_idx" ON "financien"."lumpsum" USING btree ("gemeente_code","jaar","perceel","organisatie_id");--> statement-breakpoint
CREATE INDEX "lumpsum_org_idx" ON "financien"."lumpsum" USING btree ("organisatie_id","jaar");