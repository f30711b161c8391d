CREATE TABLE "basisondersteuning"."wijziging" (
	"volgnummer" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "basisondersteuning"."wijziging_volgnummer_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transactie" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	"gemeente_code" text NOT NULL,
	"entiteit" text NOT NULL,
	"entiteit_id" text NOT NULL,
	"soort" text NOT NULL,
	"wanneer" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sociale_basis"."wijziging" (
	"volgnummer" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sociale_basis"."wijziging_volgnummer_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transactie" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	"gemeente_code" text NOT NULL,
	"entiteit" text NOT NULL,
	"entiteit_id" text NOT NULL,
	"soort" text NOT NULL,
	"wanneer" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aanvullende_ondersteuning"."wijziging" (
	"volgnummer" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "aanvullende_ondersteuning"."wijziging_volgnummer_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transactie" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	"gemeente_code" text NOT NULL,
	"entiteit" text NOT NULL,
	"entiteit_id" text NOT NULL,
	"soort" text NOT NULL,
	"wanneer" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "huishoudelijke_hulp"."wijziging" (
	"volgnummer" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "huishoudelijke_hulp"."wijziging_volgnummer_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transactie" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	"gemeente_code" text NOT NULL,
	"entiteit" text NOT NULL,
	"entiteit_id" text NOT NULL,
	"soort" text NOT NULL,
	"wanneer" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "basisondersteuning_wijziging_feed_idx" ON "basisondersteuning"."wijziging" USING btree ("gemeente_code","entiteit","transactie","volgnummer");--> statement-breakpoint
CREATE INDEX "sociale_basis_wijziging_feed_idx" ON "sociale_basis"."wijziging" USING btree ("gemeente_code","entiteit","transactie","volgnummer");--> statement-breakpoint
CREATE INDEX "aanvullende_ondersteuning_wijziging_feed_idx" ON "aanvullende_ondersteuning"."wijziging" USING btree ("gemeente_code","entiteit","transactie","volgnummer");--> statement-breakpoint
CREATE INDEX "huishoudelijke_hulp_wijziging_feed_idx" ON "huishoudelijke_hulp"."wijziging" USING btree ("gemeente_code","entiteit","transactie","volgnummer");