-- The trader's and the staff's experience (issue 15): the language a user reads (mails follow
-- it), and the address and browser of each session and audited action, so a user can recognise
-- their sessions and log-ins and staff can see where an action came from.

ALTER TABLE "users" ADD COLUMN "locale" VARCHAR(16) NOT NULL DEFAULT 'en'
  CONSTRAINT "users_locale_known" CHECK ("locale" IN ('en', 'zh-CN'));

ALTER TABLE "auth_sessions" ADD COLUMN "ip" VARCHAR(64),
ADD COLUMN "user_agent" VARCHAR(512);

ALTER TABLE "audit_log" ADD COLUMN "user_agent" VARCHAR(512);
