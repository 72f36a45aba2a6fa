-- In-app notifications of traders, written by the worker once per business event.
CREATE TABLE "notifications" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "type" VARCHAR(64) NOT NULL,
    "params" JSONB NOT NULL,
    "event_key" VARCHAR(200) NOT NULL,
    "read_at" TIMESTAMP(3),
    "mail_pending" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- The event's key makes a replay notify nobody twice.
CREATE UNIQUE INDEX "notifications_event_key_key" ON "notifications"("event_key");
CREATE INDEX "notifications_user_id_id_idx" ON "notifications"("user_id", "id" DESC);
-- The bell's unread count, and the mails still owed, read only the few rows they concern.
CREATE INDEX "notifications_unread" ON "notifications"("user_id") WHERE "read_at" IS NULL;
CREATE INDEX "notifications_mail_pending" ON "notifications"("id") WHERE "mail_pending";

ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A trader's mail choice per notification type; a type without a row uses its default.
CREATE TABLE "notification_mail_choices" (
    "user_id" INTEGER NOT NULL,
    "type" VARCHAR(64) NOT NULL,
    "mail" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_mail_choices_pkey" PRIMARY KEY ("user_id", "type")
);

ALTER TABLE "notification_mail_choices" ADD CONSTRAINT "notification_mail_choices_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- How far the notification pass has read each source.
CREATE TABLE "notification_cursors" (
    "source" VARCHAR(64) NOT NULL,
    "position" BIGINT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_cursors_pkey" PRIMARY KEY ("source")
);

-- Announcements of operations to every trader.
CREATE TABLE "announcements" (
    "id" SERIAL NOT NULL,
    "title_en" VARCHAR(200),
    "body_en" VARCHAR(4000),
    "title_zh" VARCHAR(200),
    "body_zh" VARCHAR(4000),
    "starts_at" TIMESTAMP(3),
    "ends_at" TIMESTAMP(3),
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "announcements_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "announcements_created_at_idx" ON "announcements"("created_at");
