CREATE TABLE "basisondersteuning"."doel" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"plan_id" text NOT NULL,
	"omschrijving" text NOT NULL,
	"status" text NOT NULL,
	"streefdatum" date
);
--> statement-breakpoint
CREATE TABLE "basisondersteuning"."ondersteuning_mutatie" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"ondersteuning_id" text NOT NULL,
	"soort" text NOT NULL,
	"door" text NOT NULL,
	"op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "basisondersteuning"."plan" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"huishouden_id" text NOT NULL,
	"regievoerder_id" text NOT NULL,
	"opgesteld_op" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "basisondersteuning"."regievoerder" (
	"id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"organisatie_id" text NOT NULL,
	"naam" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "basisondersteuning"."doel" ADD CONSTRAINT "doel_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "basisondersteuning"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basisondersteuning"."ondersteuning_mutatie" ADD CONSTRAINT "ondersteuning_mutatie_ondersteuning_id_ondersteuning_id_fk" FOREIGN KEY ("ondersteuning_id") REFERENCES "basisondersteuning"."ondersteuning"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basisondersteuning"."plan" ADD CONSTRAINT "plan_huishouden_id_huishouden_id_fk" FOREIGN KEY ("huishouden_id") REFERENCES "basisondersteuning"."huishouden"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basisondersteuning"."plan" ADD CONSTRAINT "plan_regievoerder_id_regievoerder_id_fk" FOREIGN KEY ("regievoerder_id") REFERENCES "basisondersteuning"."regievoerder"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "doel_plan_idx" ON "basisondersteuning"."doel" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "ondersteuning_mutatie_idx" ON "basisondersteuning"."ondersteuning_mutatie" USING btree ("ondersteuning_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_huishouden_uq" ON "basisondersteuning"."plan" USING btree ("huishouden_id");--> statement-breakpoint
CREATE INDEX "plan_regievoerder_idx" ON "basisondersteuning"."plan" USING btree ("regievoerder_id");