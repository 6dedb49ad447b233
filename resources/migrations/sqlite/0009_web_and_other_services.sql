CREATE TABLE `certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`website_id` integer NOT NULL,
	`names` text NOT NULL,
	`lineage` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`not_before` text,
	`not_after` text,
	`last_error` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_website_idx` ON `certificates` (`website_id`);--> statement-breakpoint
CREATE TABLE `mailing_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`address_name` text DEFAULT '' NOT NULL,
	`address_domain_id` integer,
	`admin_email` text NOT NULL,
	`account_id` integer NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`address_domain_id`) REFERENCES `domains`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mailing_lists_name_unique` ON `mailing_lists` (`name`);--> statement-breakpoint
CREATE INDEX `mailing_lists_account_idx` ON `mailing_lists` (`account_id`);--> statement-breakpoint
CREATE TABLE `misc_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`verbose_name` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`has_identifier` integer DEFAULT true NOT NULL,
	`has_amount` integer DEFAULT false NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `misc_services_name_unique` ON `misc_services` (`name`);--> statement-breakpoint
CREATE TABLE `miscellaneous` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`identifier` text,
	`description` text DEFAULT '' NOT NULL,
	`amount` integer DEFAULT 1 NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `misc_services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `miscellaneous_identifier_unique` ON `miscellaneous` (`identifier`);--> statement-breakpoint
CREATE INDEX `miscellaneous_account_idx` ON `miscellaneous` (`account_id`);--> statement-breakpoint
CREATE INDEX `miscellaneous_service_idx` ON `miscellaneous` (`service_id`);--> statement-breakpoint
CREATE TABLE `saas_tenants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service` text NOT NULL,
	`name` text NOT NULL,
	`account_id` integer NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`custom_url` text DEFAULT '' NOT NULL,
	`database_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`database_id`) REFERENCES `sql_databases`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saas_tenants_name_idx` ON `saas_tenants` (`service`,`name`);--> statement-breakpoint
CREATE INDEX `saas_tenants_account_idx` ON `saas_tenants` (`account_id`);--> statement-breakpoint
CREATE TABLE `vps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hostname` text NOT NULL,
	`type` text NOT NULL,
	`template` text NOT NULL,
	`account_id` integer NOT NULL,
	`password_hash` text DEFAULT '' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vps_hostname_unique` ON `vps` (`hostname`);--> statement-breakpoint
CREATE INDEX `vps_account_idx` ON `vps` (`account_id`);--> statement-breakpoint
CREATE TABLE `webapp_options` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webapp_id` integer NOT NULL,
	`name` text NOT NULL,
	`value` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`webapp_id`) REFERENCES `webapps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webapp_options_name_idx` ON `webapp_options` (`webapp_id`,`name`);--> statement-breakpoint
CREATE TABLE `webapps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`account_id` integer NOT NULL,
	`runtime` text DEFAULT '' NOT NULL,
	`link_target` text DEFAULT '' NOT NULL,
	`database_id` integer,
	`sql_user_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`database_id`) REFERENCES `sql_databases`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`sql_user_id`) REFERENCES `sql_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webapps_account_name_idx` ON `webapps` (`account_id`,`name`);--> statement-breakpoint
CREATE INDEX `webapps_type_idx` ON `webapps` (`type`);--> statement-breakpoint
CREATE TABLE `website_contents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`website_id` integer NOT NULL,
	`webapp_id` integer NOT NULL,
	`path` text DEFAULT '/' NOT NULL,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`webapp_id`) REFERENCES `webapps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `website_contents_path_idx` ON `website_contents` (`website_id`,`path`);--> statement-breakpoint
CREATE INDEX `website_contents_webapp_idx` ON `website_contents` (`webapp_id`);--> statement-breakpoint
CREATE TABLE `website_directives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`website_id` integer NOT NULL,
	`name` text NOT NULL,
	`value` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `website_directives_site_idx` ON `website_directives` (`website_id`);--> statement-breakpoint
CREATE TABLE `website_domains` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`website_id` integer NOT NULL,
	`domain_id` integer NOT NULL,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`domain_id`) REFERENCES `domains`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `website_domains_pair_idx` ON `website_domains` (`website_id`,`domain_id`);--> statement-breakpoint
CREATE INDEX `website_domains_domain_idx` ON `website_domains` (`domain_id`);--> statement-breakpoint
CREATE TABLE `websites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`account_id` integer NOT NULL,
	`protocol` text DEFAULT 'http' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `websites_account_name_idx` ON `websites` (`account_id`,`name`);