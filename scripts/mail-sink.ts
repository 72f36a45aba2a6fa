/**
 * The mail sink as a process of its own (the end-to-end run starts it beside the apps):
 * `MAIL_SINK_SMTP_PORT=1025 MAIL_SINK_HTTP_PORT=8025 tsx scripts/mail-sink.ts`.
 */
import { startMailSink } from "./lib/mail-sink";
import { DEV_PORTS } from "./lib/ports";
import { readScriptEnv } from "./lib/script-env";

const env = readScriptEnv();

const sink = await startMailSink({
  smtp: env.MAIL_SINK_SMTP_PORT ?? DEV_PORTS.smtp,
  http: env.MAIL_SINK_HTTP_PORT ?? DEV_PORTS.mailInbox,
});
console.log(`mail sink: SMTP ${sink.smtpUrl}, inbox ${sink.inboxUrl}`);
const stop = () => void sink.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
