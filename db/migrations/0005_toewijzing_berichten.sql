CREATE TABLE "aanvullende_ondersteuning"."bericht" (
	"bericht_id" text PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"soort" text NOT NULL,
	"toewijzing_id" text NOT NULL,
	"inhoud" text NOT NULL,
	"resultaat" jsonb NOT NULL,
	"door" text NOT NULL,
	"op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "aanvullende_ondersteuning"."toewijzing" ADD COLUMN "begindatum" date;--> statement-breakpoint
ALTER TABLE "aanvullende_ondersteuning"."toewijzing" ADD COLUMN "stopdatum" date;--> statement-breakpoint
ALTER TABLE "aanvullende_ondersteuning"."toewijzing" ADD COLUMN "reden_beeindiging" text;--> statement-breakpoint
ALTER TABLE "aanvullende_ondersteuning"."toewijzing" ADD COLUMN "reden" text;--> statement-breakpoint
CREATE INDEX "bericht_toewijzing_idx" ON "aanvullende_ondersteuning"."bericht" USING btree ("toewijzing_id");