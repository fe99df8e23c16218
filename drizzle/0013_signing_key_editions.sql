CREATE TABLE "signing_key_editions" (
	"key_id" varchar(32) NOT NULL,
	"edition_id" uuid NOT NULL,
	CONSTRAINT "signing_key_editions_key_id_edition_id_pk" PRIMARY KEY("key_id","edition_id")
);
--> statement-breakpoint
ALTER TABLE "signing_key_editions" ADD CONSTRAINT "signing_key_editions_key_id_signing_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."signing_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_key_editions" ADD CONSTRAINT "signing_key_editions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;