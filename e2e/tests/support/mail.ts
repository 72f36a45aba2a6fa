/**
 * The end-to-end run's mail sink (started by playwright.config.ts): read the mail the apps
 * sent, e.g. `linkIn(await latestMailTo(email, { subject: /Verify/ }), "/verify-email")`.
 * The same helpers as the integration tests', pointed at this run's inbox.
 */
const inbox = process.env.E2E_MAIL_URL;
if (!inbox)
  throw new Error("E2E_MAIL_URL is not set: run the end-to-end tests with npm run test:e2e");
process.env.MAIL_SINK_URL = inbox;

export {
  latestMailTo,
  linkIn,
  mailsTo,
  type ReceivedMail,
  tokenIn,
} from "../../../packages/domains/src/testing/mail";
