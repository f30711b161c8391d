CREATE TABLE "financien"."contract" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"perceel" text NOT NULL,
	"rol" text NOT NULL,
	"hoofdaanbieder_id" text,
	"ingangsdatum" date NOT NULL,
	"einddatum" date
);
--> statement-breakpoint
ALTER TABLE "financien"."contract" ADD CONSTRAINT "contract_organisatie_id_organisatie_id_fk" FOREIGN KEY ("organisatie_id") REFERENCES "financien"."organisatie"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financien"."contract" ADD CONSTRAINT "contract_hoofdaanbieder_id_organisatie_id_fk" FOREIGN KEY ("hoofdaanbieder_id") REFERENCES "financien"."organisatie"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_org_idx" ON "financien"."contract" USING btree ("gemeente_code","organisatie_id");--> statement-breakpoint
CREATE INDEX "contract_perceel_idx" ON "financien"."contract" USING btree ("gemeente_code","perceel");