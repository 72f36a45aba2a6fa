/**
 * `npm run chain:fund -- <address> <ETH | USDT> <amount>`: sends test funds on the local chain
 * that `npm run dev` runs, as a user's wallet would — to a deposit address, say. ETH comes from
 * the node's first account; USDT is minted by the test token. Local development only: it refuses
 * any chain but the local node.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fundOnLocalChain, tokenDecimals } from "../packages/chain/src/local-faucet";
import { parseUnits } from "../packages/contracts/src/money";
import { LOCAL_CHAIN_FILE, type LocalChainFacts } from "./lib/chain-node";

const USAGE = "usage: npm run chain:fund -- <address> <ETH | USDT> <amount>";
const [to, asset, amount] = process.argv.slice(2).map((a) => a.trim());
if (!to || !asset || !amount || !["ETH", "USDT"].includes(asset.toUpperCase())) {
  console.error(USAGE);
  process.exit(2);
}
const facts = readChainFacts();
const token = asset.toUpperCase() === "USDT" ? facts.tokenAddress : undefined;
const decimals = token ? await tokenDecimals(facts.rpcUrl, token) : 18;
try {
  const hash = await fundOnLocalChain({
    rpcUrl: facts.rpcUrl,
    to,
    amountUnits: parseUnits(amount, decimals),
    ...(token ? { token } : {}),
  });
  console.log(`sent ${amount} ${asset.toUpperCase()} to ${to} (transaction ${hash})`);
} catch (error) {
  // Bad input (an amount like "1e5", a malformed address) is said in one line, not a stack.
  console.error(`no funds sent: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
  process.exit(1);
}

function readChainFacts(): LocalChainFacts {
  try {
    return JSON.parse(readFileSync(join(import.meta.dirname, "..", LOCAL_CHAIN_FILE), "utf8"));
  } catch {
    console.error(`no local chain: start \`npm run dev\` first (${LOCAL_CHAIN_FILE} is missing)`);
    process.exit(2);
  }
}
