CREATE TABLE `bill_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`zipcode` text DEFAULT '' NOT NULL,
	`country` text NOT NULL,
	`vat` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bill_contacts_account_id_unique` ON `bill_contacts` (`account_id`);--> statement-breakpoint
CREATE TABLE `bill_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bill_id` integer NOT NULL,
	`order_id` integer,
	`service_id` integer,
	`description` text NOT NULL,
	`rate` text,
	`size` text DEFAULT '1' NOT NULL,
	`metric` text DEFAULT '1' NOT NULL,
	`quantity` text DEFAULT '1' NOT NULL,
	`verbose_quantity` text DEFAULT '' NOT NULL,
	`subtotal` text NOT NULL,
	`tax` text DEFAULT '0' NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	`order_billed_on` text,
	`order_billed_until` text,
	`amended_line_id` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`bill_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`amended_line_id`) REFERENCES `bill_lines`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `bill_lines_bill_idx` ON `bill_lines` (`bill_id`,`position`);--> statement-breakpoint
CREATE INDEX `bill_lines_order_idx` ON `bill_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `bill_lines_amended_line_idx` ON `bill_lines` (`amended_line_id`);--> statement-breakpoint
CREATE TABLE `bill_sequences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prefix` text NOT NULL,
	`year` integer NOT NULL,
	`last_number` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bill_sequences_prefix_year_idx` ON `bill_sequences` (`prefix`,`year`);--> statement-breakpoint
CREATE TABLE `bill_sublines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`line_id` integer NOT NULL,
	`type` text NOT NULL,
	`description` text NOT NULL,
	`total` text NOT NULL,
	FOREIGN KEY (`line_id`) REFERENCES `bill_lines`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bill_sublines_line_idx` ON `bill_sublines` (`line_id`);--> statement-breakpoint
CREATE TABLE `bills` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`type` text NOT NULL,
	`account_id` integer,
	`amend_of_id` integer,
	`is_open` integer DEFAULT true NOT NULL,
	`is_sent` integer DEFAULT false NOT NULL,
	`created_on` text NOT NULL,
	`closed_on` text,
	`due_on` text,
	`comments` text DEFAULT '' NOT NULL,
	`buyer_name` text,
	`buyer_vat` text,
	`buyer_address` text,
	`buyer_zipcode` text,
	`buyer_city` text,
	`buyer_country` text,
	`document` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`amend_of_id`) REFERENCES `bills`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_number_unique` ON `bills` (`number`);--> statement-breakpoint
CREATE INDEX `bills_account_open_idx` ON `bills` (`account_id`,`type`,`is_open`);--> statement-breakpoint
CREATE INDEX `bills_open_idx` ON `bills` (`is_open`,`type`);--> statement-breakpoint
CREATE INDEX `bills_amend_of_idx` ON `bills` (`amend_of_id`);--> statement-breakpoint
CREATE INDEX `bills_closed_on_idx` ON `bills` (`closed_on`);--> statement-breakpoint
CREATE TABLE `contracted_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contracted_plans_account_idx` ON `contracted_plans` (`account_id`,`plan_id`);--> statement-breakpoint
CREATE INDEX `contracted_plans_plan_idx` ON `contracted_plans` (`plan_id`);--> statement-breakpoint
CREATE TABLE `metric_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`value` text NOT NULL,
	`created_on` text NOT NULL,
	`updated_on` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `metric_rows_order_idx` ON `metric_rows` (`order_id`,`created_on`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer,
	`service_id` integer NOT NULL,
	`content_type` text NOT NULL,
	`object_id` integer NOT NULL,
	`content_object_repr` text DEFAULT '' NOT NULL,
	`registered_on` text NOT NULL,
	`cancelled_on` text,
	`billed_on` text,
	`billed_until` text,
	`billed_metric` text,
	`ignore` integer DEFAULT false NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `orders_account_service_idx` ON `orders` (`account_id`,`service_id`);--> statement-breakpoint
CREATE INDEX `orders_service_idx` ON `orders` (`service_id`,`cancelled_on`);--> statement-breakpoint
CREATE INDEX `orders_object_idx` ON `orders` (`content_type`,`object_id`);--> statement-breakpoint
CREATE INDEX `orders_pending_idx` ON `orders` (`ignore`,`billed_until`);--> statement-breakpoint
CREATE INDEX `orders_registered_on_idx` ON `orders` (`registered_on`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`verbose_name` text DEFAULT '' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`is_combinable` integer DEFAULT true NOT NULL,
	`allow_multiple` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_name_unique` ON `plans` (`name`);--> statement-breakpoint
CREATE TABLE `rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_id` integer NOT NULL,
	`plan_id` integer NOT NULL,
	`quantity` integer,
	`price` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rates_service_plan_quantity_idx` ON `rates` (`service_id`,`plan_id`,`quantity`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`description` text NOT NULL,
	`content_type` text NOT NULL,
	`match` text DEFAULT 'true' NOT NULL,
	`metric` text DEFAULT '' NOT NULL,
	`order_description` text DEFAULT '' NOT NULL,
	`periodic_update` integer DEFAULT false NOT NULL,
	`handler_type` text DEFAULT '' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`ignore_superusers` integer DEFAULT true NOT NULL,
	`billing_period` text DEFAULT 'ANUAL' NOT NULL,
	`billing_point` text DEFAULT 'ON_FIXED_DATE' NOT NULL,
	`is_fee` integer DEFAULT false NOT NULL,
	`ignore_period` text DEFAULT 'TEN_DAYS' NOT NULL,
	`nominal_price` text NOT NULL,
	`tax` text DEFAULT '0' NOT NULL,
	`pricing_period` text DEFAULT 'BILLING_PERIOD' NOT NULL,
	`rate_algorithm` text DEFAULT 'step_price' NOT NULL,
	`on_cancel` text DEFAULT 'DISCOUNT' NOT NULL,
	`payment_style` text DEFAULT 'PREPAY' NOT NULL,
	`metric_threshold` text,
	`metric_threshold_relative` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_description_unique` ON `services` (`description`);--> statement-breakpoint
CREATE INDEX `services_content_type_idx` ON `services` (`content_type`,`is_active`);