/**
 * The local EVM chain of `npm run dev`, the integration tests and the E2E run: a Hardhat node
 * (automining, 20 funded accounts of the well-known test mnemonic) with the TestUsd token
 * (packages/chain/contracts/TestUsd.sol) deployed at start. The token is compiled with solc-js,
 * offline, and the compiled artifact cached by source hash, so a restart compiles nothing.
 *
 * The node keeps no state across restarts: every start is a fresh chain, and the token lands
 * at the same address each time (first deployment of the first account); the address is still
 * recorded as data (`recordChainToken`), never assumed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  getAddress,
  type Hex,
  http,
} from "viem";

export interface ChainNode {
  /** What processes put in CHAIN_RPC_URL. */
  rpcUrl: string;
  /** What processes put in CHAIN_ID. */
  chainId: number;
  /** The TestUsd token contract deployed at start (6 decimals, open `mint`). */
  tokenAddress: Address;
  stop(): Promise<void>;
}

/** The chain's key in `chain_assets`, and the asset its token stands for. */
export const LOCAL_CHAIN_KEY = "evm-local";

/** Where `npm run dev` leaves its chain's facts for `npm run chain:fund` (under the repo root). */
export const LOCAL_CHAIN_FILE = ".data/local-chain.json";

/** What `npm run chain:fund` needs to know of the running dev chain. */
export interface LocalChainFacts {
  rpcUrl: string;
  chainId: number;
  tokenAddress: string;
}
/** The asset the local chain's token stands for. */
export const TOKEN_ASSET = "USDT";

const HOST = "127.0.0.1";
const ROOT = join(import.meta.dirname, "..", "..");
const CHAIN_PACKAGE = join(ROOT, "packages", "chain");
const TOKEN_SOURCE = join(CHAIN_PACKAGE, "contracts", "TestUsd.sol");
const ARTIFACT_DIR = join(tmpdir(), "exchange-chain-artifacts");
const START_TIMEOUT_MS = 30_000;
const require = createRequire(import.meta.url);

/** Starts a node on `port` (0: any free port), deploys the token and answers where it is. */
export async function startChainNode(options: { port: number }): Promise<ChainNode> {
  const port = options.port || (await freePort());
  const rpcUrl = `http://${HOST}:${port}`;
  if ((await chainIdAt(rpcUrl)) !== undefined) {
    throw new Error(`Something already answers JSON-RPC at ${rpcUrl}; stop it or free the port`);
  }
  const child = spawnHardhatNode(port);
  const stop = () => stopChild(child);
  try {
    const chainId = await waitForChain(rpcUrl, child);
    const tokenAddress = await deployToken(rpcUrl);
    return { rpcUrl, chainId, tokenAddress, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function spawnHardhatNode(port: number): ChildProcess {
  const cli = join(dirname(require.resolve("hardhat/package.json")), "internal", "cli", "cli.js");
  const args = [cli, "node", "--config", "hardhat.config.cjs", "--hostname", HOST];
  const child = spawn(process.execPath, [...args, "--port", String(port)], {
    cwd: CHAIN_PACKAGE,
    // The node logs every RPC call on stdout; only its errors are worth keeping.
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: "true" },
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4_000);
  });
  child.once("exit", (code) => {
    if (code) console.error(`hardhat node exited with ${code}\n${errors}`);
  });
  return child;
}

async function waitForChain(rpcUrl: string, child: ChildProcess): Promise<number> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`hardhat node exited with ${child.exitCode}`);
    const chainId = await chainIdAt(rpcUrl);
    if (chainId !== undefined) return chainId;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`hardhat node did not answer eth_chainId at ${rpcUrl} within 30 s`);
}

/**
 * Besides a block per transaction, a block every `intervalMs`: on `npm run dev` a deposit then
 * gathers its confirmations by itself, as on a real chain. Tests keep automining alone, so the
 * blocks they count are the ones they make.
 */
export async function mineOnInterval(rpcUrl: string, intervalMs: number): Promise<void> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "evm_setIntervalMining",
      params: [intervalMs],
    }),
  });
  const { error } = (await response.json()) as { error?: { message: string } };
  if (error) throw new Error(`evm_setIntervalMining: ${error.message}`);
}

/** The chain id a node at `rpcUrl` answers, or undefined when nothing answers. */
export async function chainIdAt(rpcUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(1_000),
    });
    const { result } = (await response.json()) as { result?: string };
    return result ? Number(BigInt(result)) : undefined;
  } catch {
    return undefined;
  }
}

async function deployToken(rpcUrl: string): Promise<Address> {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ transport });
  // The node's own unlocked accounts sign (eth_sendTransaction): no private key in this code.
  const [deployer] = await createWalletClient({ transport }).getAddresses();
  if (!deployer) throw new Error("hardhat node has no funded accounts");
  const wallet = createWalletClient({ account: deployer, transport });
  const { abi, bytecode } = compiledToken();
  const hash = await wallet.deployContract({ abi, bytecode, chain: null });
  const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 100 });
  if (receipt.status !== "success" || !receipt.contractAddress) {
    throw new Error(`TestUsd deployment failed (transaction ${hash})`);
  }
  return getAddress(receipt.contractAddress);
}

interface Artifact {
  abi: Abi;
  bytecode: Hex;
}

/** TestUsd's ABI and bytecode, compiled once per source version. */
function compiledToken(): Artifact {
  const source = readFileSync(TOKEN_SOURCE, "utf8");
  const solc = require("solc") as { version(): string; compile(input: string): string };
  const hash = createHash("sha256").update(solc.version()).update(source).digest("hex");
  const cached = join(ARTIFACT_DIR, `TestUsd-${hash.slice(0, 16)}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, "utf8")) as Artifact;
  const artifact = compile(solc, source);
  mkdirSync(ARTIFACT_DIR, { recursive: true });
  writeFileSync(cached, JSON.stringify(artifact));
  return artifact;
}

function compile(solc: { compile(input: string): string }, source: string): Artifact {
  const input = {
    language: "Solidity",
    sources: { "TestUsd.sol": { content: source } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      // Hardhat 2's EVM default; newer targets' opcodes would be fine too, but need not be.
      evmVersion: "cancun",
      outputSelection: { "*": { TestUsd: ["abi", "evm.bytecode.object"] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const contract = output.contracts?.["TestUsd.sol"]?.TestUsd;
  if (!contract) throw new Error("solc produced no TestUsd contract");
  return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
