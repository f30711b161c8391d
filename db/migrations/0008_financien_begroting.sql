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
	"herverdeling_id" text NOT NULL,
	"soort" text NOT NULL,
	"organisatie_id" text,
	"door" text NOT NULL,
	"op" timestamp with time zone NOT NULL
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
ALTER TABLE "financien"."besparing" ADD CONSTRAINT "besparing_maatregel_id_maatregel_id_fk" FOREIGN KEY ("maatregel_id") REFERENCES "financien"."maatregel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."herverdeling" ADD CONSTRAINT "herverdeling_van_lumpsum_id_lumpsum_id_fk" FOREIGN KEY ("van_lumpsum_id") REFERENCES "financien"."lumpsum"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."herverdeling" ADD CONSTRAINT "herverdeling_naar_lumpsum_id_lumpsum_id_fk" FOREIGN KEY ("naar_lumpsum_id") REFERENCES "financien"."lumpsum"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."herverdeling_gebeurtenis" ADD CONSTRAINT "herverdeling_gebeurtenis_herverdeling_id_herverdeling_id_fk" FOREIGN KEY ("herverdeling_id") REFERENCES "financien"."herverdeling"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."lumpsum" ADD CONSTRAINT "lumpsum_organisatie_id_organisatie_id_fk" FOREIGN KEY ("organisatie_id") REFERENCES "financien"."organisatie"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "besparing_maatregel_jaar_idx" ON "financien"."besparing" USING btree ("maatregel_id","jaar");--> statement-breakpoint
CREATE INDEX "herverdeling_jaar_idx" ON "financien"."herverdeling" USING btree ("gemeente_code","jaar");--> statement-breakpoint
CREATE INDEX "herverdeling_gebeurtenis_idx" ON "financien"."herverdeling_gebeurtenis" USING btree ("herverdeling_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lumpsum_jaar_perceel_org_idx" ON "financien"."lumpsum" USING btree ("gemeente_code","jaar","perceel","organisatie_id");--> statement-breakpoint
CREATE INDEX "lumpsum_org_idx" ON "financien"."lumpsum" USING btree ("organisatie_id","jaar");