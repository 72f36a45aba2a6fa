/**
 * Vitest global set-up of the `integration` project: fresh databases, a Redis prefix, a mail sink
 * and a local chain for this run, exported to the test workers through the environment (see
 * lib/test-run.ts and lib/chain-node.ts).
 */
import { type ChainNode, startChainNode } from "./lib/chain-node";
import { recordChainToken } from "./lib/chain-token";
import { type MailSink, startMailSink } from "./lib/mail-sink";
import { provisionTestRun, type TestRun } from "./lib/test-run";

let run: TestRun | undefined;
let mailSink: MailSink | undefined;
let chain: ChainNode | undefined;

export async function setup(): Promise<void> {
  // A chain of this run's own; its token's address is recorded in the seeded template, so every
  // database copied from it knows where the token is.
  chain = await startChainNode({ port: 0 });
  const node = chain;
  run = await provisionTestRun("it", {
    seed: true,
    afterSeed: (templateUrl) => recordChainToken(templateUrl, node),
  }).catch(async (error: unknown) => {
    await node.stop();
    throw error;
  });
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
  process.env.CHAIN_RPC_URL = chain.rpcUrl;
  process.env.CHAIN_ID = String(chain.chainId);
  // For tests of packages/chain, which read no database: the same address the table holds.
  process.env.TEST_CHAIN_TOKEN_ADDRESS = chain.tokenAddress;
}

export async function teardown(): Promise<void> {
  await Promise.all([run?.teardown(), mailSink?.stop(), chain?.stop()]);
}
