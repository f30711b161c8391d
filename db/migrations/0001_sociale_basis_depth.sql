CREATE TABLE "sociale_basis"."hulpvraag_gebeurtenis" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"hulpvraag_id" text NOT NULL,
	"van" text,
	"naar" text NOT NULL,
	"reden" text,
	"door" text NOT NULL,
	"op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sociale_basis"."rooster_item" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"kamer_id" text NOT NULL,
	"weekdag" smallint NOT NULL,
	"begintijd" text NOT NULL,
	"eindtijd" text NOT NULL,
	"soort" text NOT NULL,
	"omschrijving" text NOT NULL,
	"organisatie_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sociale_basis"."samenwerking" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"kamer_id" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"rol" text NOT NULL,
	"sinds" date NOT NULL,
	"tot" date
);
--> statement-breakpoint
CREATE TABLE "sociale_basis"."toestemming" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"inwoner_id" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"doel" text NOT NULL,
	"gegeven_op" timestamp with time zone NOT NULL,
	"ingetrokken_op" timestamp with time zone,
	"vastgelegd_door" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sociale_basis"."vrijwilliger" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"voornaam" text NOT NULL,
	"achternaam" text NOT NULL,
	"vaardigheden" text[] NOT NULL,
	"beschikbaarheid" text NOT NULL,
	"kamer_id" text,
	"actief" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sociale_basis"."hulpvraag" ADD COLUMN "organisatie_id" text;--> statement-breakpoint
ALTER TABLE "sociale_basis"."hulpvraag" ADD COLUMN "vrijwilliger_id" text;--> statement-breakpoint
ALTER TABLE "sociale_basis"."hulpvraag_gebeurtenis" ADD CONSTRAINT "hulpvraag_gebeurtenis_hulpvraag_id_hulpvraag_id_fk" FOREIGN KEY ("hulpvraag_id") REFERENCES "sociale_basis"."hulpvraag"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sociale_basis"."rooster_item" ADD CONSTRAINT "rooster_item_kamer_id_kamer_id_fk" FOREIGN KEY ("kamer_id") REFERENCES "sociale_basis"."kamer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sociale_basis"."samenwerking" ADD CONSTRAINT "samenwerking_kamer_id_kamer_id_fk" FOREIGN KEY ("kamer_id") REFERENCES "sociale_basis"."kamer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sociale_basis"."vrijwilliger" ADD CONSTRAINT "vrijwilliger_kamer_id_kamer_id_fk" FOREIGN KEY ("kamer_id") REFERENCES "sociale_basis"."kamer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hulpvraag_gebeurtenis_idx" ON "sociale_basis"."hulpvraag_gebeurtenis" USING btree ("hulpvraag_id");--> statement-breakpoint
CREATE INDEX "rooster_kamer_idx" ON "sociale_basis"."rooster_item" USING btree ("kamer_id","weekdag");--> statement-breakpoint
CREATE INDEX "samenwerking_kamer_idx" ON "sociale_basis"."samenwerking" USING btree ("kamer_id");--> statement-breakpoint
CREATE INDEX "samenwerking_org_idx" ON "sociale_basis"."samenwerking" USING btree ("gemeente_code","organisatie_id");--> statement-breakpoint
CREATE INDEX "toestemming_inwoner_idx" ON "sociale_basis"."toestemming" USING btree ("inwoner_id","organisatie_id");--> statement-breakpoint
CREATE INDEX "vrijwilliger_org_idx" ON "sociale_basis"."vrijwilliger" USING btree ("gemeente_code","organisatie_id");--> statement-breakpoint
ALTER TABLE "sociale_basis"."hulpvraag" ADD CONSTRAINT "hulpvraag_vrijwilliger_id_vrijwilliger_id_fk" FOREIGN KEY ("vrijwilliger_id") REFERENCES "sociale_basis"."vrijwilliger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hulpvraag_vrijwilliger_idx" ON "sociale_basis"."hulpvraag" USING btree ("vrijwilliger_id");--> statement-breakpoint
CREATE INDEX "kamer_gebied_idx" ON "sociale_basis"."kamer" USING btree ("gemeente_code","gebied");