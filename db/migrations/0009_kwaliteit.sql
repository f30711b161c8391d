CREATE TABLE "financien"."clientervaring" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"product" text NOT NULL,
	"jaar" integer NOT NULL,
	"kwartaal" integer NOT NULL,
	"respondenten" integer NOT NULL,
	"score_som" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financien"."klacht" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"perceel" text NOT NULL,
	"route" text NOT NULL,
	"status" text NOT NULL,
	"ingediend_op" date NOT NULL,
	"afgehandeld_op" date,
	"gegrond" boolean
);
--> statement-breakpoint
ALTER TABLE "financien"."clientervaring" ADD CONSTRAINT "clientervaring_organisatie_id_organisatie_id_fk" FOREIGN KEY ("organisatie_id") REFERENCES "financien"."organisatie"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."klacht" ADD CONSTRAINT "klacht_organisatie_id_organisatie_id_fk" FOREIGN KEY ("organisatie_id") REFERENCES "financien"."organisatie"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clientervaring_org_product_kwartaal_idx" ON "financien"."clientervaring" USING btree ("gemeente_code","organisatie_id","product","jaar","kwartaal");--> statement-breakpoint
CREATE INDEX "klacht_ingediend_idx" ON "financien"."klacht" USING btree ("gemeente_code","ingediend_op");--> statement-breakpoint
CREATE INDEX "klacht_afgehandeld_idx" ON "financien"."klacht" USING btree ("gemeente_code","afgehandeld_op");