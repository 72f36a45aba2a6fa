import { runAlertCenter } from "@exchange/domains/alerts/alert-center";
import type { WorkerEnv } from "../../env";
import type { WorkerContext } from "../../worker-context";
import type { JobDefinition } from "../job-definition";

/**
 * The alert center (seed 002's alertcenter), a job: every ALERT_CHECK_EVERY_MS it turns the log
 * lines processes reported since the last run and the checks failing now into alerts, mails
 * on-call staff about new ones and tells them when a check passes again. Its de-duplication is
 * in the alerts table, so a retried run mails nobody twice. It moves no money.
 */
export const alertCenterJob: JobDefinition = {
  name: "alert-center",
  schedule: (env) => ({ everyMs: env.ALERT_CHECK_EVERY_MS }),
  // A run given up is superseded by the next one a few seconds later.
  attempts: 1,
  build: (context) => {
    const deps = alertCenterDeps(context);
    return async () => {
      await runAlertCenter(deps);
      return {};
    };
  },
};

export function alertCenterDeps(context: WorkerContext) {
  const { env } = context;
  return {
    db: context.store,
    redis: context.redis,
    redisPrefix: env.REDIS_PREFIX,
    engine: context.engine,
    log: context.log,
    clock: context.clock,
    mailer: context.mailer,
    settings: alertSettings(env),
  };
}

function alertSettings(env: WorkerEnv) {
  return {
    renotifyMs: env.ALERT_RENOTIFY_MS,
    roles: env.ALERT_MAIL_ROLES,
    mailTo: env.ALERT_MAIL_TO,
    locale: env.ALERT_MAIL_LOCALE,
    systemPageUrl: env.ADMIN_PUBLIC_URL
      ? new URL("/system", env.ADMIN_PUBLIC_URL).toString()
      : undefined,
  };
}
