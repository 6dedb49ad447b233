ALTER TABLE `bill_sublines` ADD `giver_order_id` integer REFERENCES orders(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `bill_sublines` ADD `giver_billed_until` text;--> statement-breakpoint
ALTER TABLE `bill_sublines` ADD `giver_left_until` text;--> statement-breakpoint
CREATE INDEX `bill_sublines_giver_idx` ON `bill_sublines` (`giver_order_id`);