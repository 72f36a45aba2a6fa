/**
 * Vitest global set-up of the `integration` project: fresh databases and a Redis prefix for this
 * run, exported to the test workers through the environment (see lib/test-run.ts).
 */
import { type MailSink, startMailSink } from "./lib/mail-sink";
import { provisionTestRun, type TestRun } from "./lib/test-run";

let run: TestRun | undefined;
let mailSink: MailSink | undefined;

export async function setup(): Promise<void> {
  run = await provisionTestRun("it", { seed: true });
  // Free ports, so an integration run never collides with `npm run dev` or another run.
  mailSink = await startMailSink({ smtp: 0, http: 0 });
  process.env.SMTP_URL = mailSink.smtpUrl;
  process.env.MAIL_SINK_URL = mailSink.inboxUrl;
  process.env.MAIL_FROM = "Exchange <no-reply@exchange.test>";
  process.env.WEB_PUBLIC_URL = "http://web.exchange.test";
  process.env.TWO_FACTOR_KEY = run.twoFactorKey;
  process.env.DATABASE_URL = run.databaseUrl;
  process.env.TEST_TEMPLATE_DATABASE_URL = run.templateUrl;
  process.env.TEST_DATABASE_PREFIX = run.databasePrefix;
  process.env.REDIS_URL = run.redisUrl;
  process.env.REDIS_PREFIX = run.redisPrefix;
}

export async function teardown(): Promise<void> {
  await Promise.all([run?.teardown(), mailSink?.stop()]);
}
