ALTER TABLE "bill_sublines" ADD COLUMN "giver_order_id" integer;--> statement-breakpoint
ALTER TABLE "bill_sublines" ADD COLUMN "giver_billed_until" text;--> statement-breakpoint
ALTER TABLE "bill_sublines" ADD COLUMN "giver_left_until" text;--> statement-breakpoint
ALTER TABLE "bill_sublines" ADD CONSTRAINT "bill_sublines_giver_order_id_orders_id_fk" FOREIGN KEY ("giver_order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bill_sublines_giver_idx" ON "bill_sublines" USING btree ("giver_order_id");