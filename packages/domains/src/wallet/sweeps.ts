import { signedTransactionHash, tokenTransferData } from "@exchange/chain";
import type { Services, Tx } from "../services";
import {
  ETHER_TRANSFER_GAS,
  etherSweepValue,
  lineInChainUnits,
  TOKEN_TRANSFER_GAS,
} from "./chain-decisions";
import {
  allocateNonce,
  broadcastStored,
  pricedRequest,
  sendingChain,
  storeSigned,
} from "./chain-sender";
import { verdictOf } from "./chain-tracking";
import {
  findSendingFacts,
  findTransactionsFor,
  type SendingFacts,
} from "./chain-transaction-repository";
import {
  createSweep,
  findSweepCandidates,
  findSweepsIn,
  moveSweep,
  type SweepCandidate,
  type SweepRecord,
} from "./sweep-repository";
import type { TransactionSigner } from "./transaction-signer";

/**
 * Sweeps (issue 13 §4): credited deposits move from users' deposit addresses to the hot wallet,
 * on a timer rather than per deposit (one transaction carries every deposit an address has
 * gathered). Ether: the address's balance less the most its gas may cost. A token: the whole
 * token balance; the address pays the gas in ether, so when it has too little the hot wallet
 * first sends it some (a GAS_TOP_UP transaction; the sweep waits as FUNDING) and the token
 * transfer follows once that is mined. Less than the asset's least deposit is dust and stays
 * until more arrives. Every transaction is stored before it is broadcast (chain-sender.ts),
 * every sweep recorded with its deposits linked; a failed one lets them go for the next sweep.
 */

/**
 * Gas a top-up pays for: twice the token transfer's gas at today's fee, so a fee rise before
 * the sweep is mined does not strand it; what is left over is swept with the ether later.
 */
const TOP_UP_GAS_MARGIN = 2n;

/** One pass: a sweep for each deposit address with credited, unswept deposits worth moving. */
export async function sweepDeposits(services: Services, signer: TransactionSigner): Promise<void> {
  const chain = sendingChain(services);
  const candidates = await findSweepCandidates(services.db, chain.key);
  if (candidates.length === 0) return;
  const facts = await findSendingFacts(services.db, chain.key);
  // One sweep per address per pass too: an ether sweep would carry off the gas of a token sweep
  // of the same address made in the same pass.
  const swept = new Set<number>();
  for (const candidate of candidates) {
    const asset = facts.get(candidate.assetCode);
    if (!asset || swept.has(candidate.userId)) continue;
    swept.add(candidate.userId);
    try {
      if (asset.kind === "NATIVE") await sweepEther(services, signer, candidate, asset);
      else await sweepToken(services, signer, candidate, asset);
    } catch (error) {
      // One address's trouble (a node refusal, a bad row) must not stop the others' sweeps.
      services.log.error("sweep not made", { userId: candidate.userId, error });
    }
  }
}

async function sweepEther(
  services: Services,
  signer: TransactionSigner,
  candidate: SweepCandidate,
  asset: SendingFacts,
): Promise<void> {
  const { adapter, key } = sendingChain(services);
  const balance = await adapter.nativeBalance(candidate.address);
  const to = signer.hotWalletAddress as `0x${string}`;
  const priced = await pricedRequest(services, { to, gas: ETHER_TRANSFER_GAS });
  const dust = lineInChainUnits(asset.minDeposit, asset.decimals);
  const value = etherSweepValue(balance, priced.gas * priced.maxFeePerGas, dust);
  if (value === undefined) return;
  const nonce = await allocateNonce(services, candidate.address);
  const raw = await signer.signSweep(candidate.userId, { ...priced, value, nonce });
  const hash = signedTransactionHash(raw);
  const sweep = { chainKey: key, assetCode: asset.assetCode, userId: candidate.userId };
  const stored = await storeSigned(
    services,
    { hash, raw, from: candidate.address, nonce, purpose: "SWEEP" },
    async (tx) => {
      const created = await createSweep(
        tx,
        {
          ...sweep,
          fromAddress: candidate.address,
          chainAmount: value,
          status: "BROADCAST",
          txHash: hash,
        },
        candidate.depositIds,
      );
      return String(created.id);
    },
  );
  if (!stored) return;
  services.log.info("sweep signed", {
    userId: candidate.userId,
    asset: asset.assetCode,
    txHash: hash,
  });
  await broadcastStored(services, { hash, raw, status: "SIGNED" });
}

async function sweepToken(
  services: Services,
  signer: TransactionSigner,
  candidate: SweepCandidate,
  asset: SendingFacts,
): Promise<void> {
  const { adapter, key } = sendingChain(services);
  const contract = asset.contractAddress;
  if (!contract) return;
  const amount = await adapter.tokenBalance(contract, candidate.address);
  if (amount === 0n || amount < lineInChainUnits(asset.minDeposit, asset.decimals)) return;
  const gasCost = TOKEN_TRANSFER_GAS * (await adapter.estimateFees()).maxFeePerGas;
  const ether = await adapter.nativeBalance(candidate.address);
  const sweep = {
    chainKey: key,
    assetCode: asset.assetCode,
    userId: candidate.userId,
    fromAddress: candidate.address,
    chainAmount: amount,
  };
  if (ether >= gasCost) {
    let created: SweepRecord | undefined;
    const sent = await signTokenSweep(
      services,
      signer,
      { ...sweep, contract },
      async (tx, hash) => {
        created = await createSweep(
          tx,
          { ...sweep, status: "BROADCAST", txHash: hash },
          candidate.depositIds,
        );
        return String(created.id);
      },
    );
    if (sent) services.log.info("sweep signed", { sweepId: created?.id, txHash: sent });
    return;
  }
  await topUpGas(services, signer, {
    sweep,
    depositIds: candidate.depositIds,
    value: gasCost * TOP_UP_GAS_MARGIN - ether,
  });
}

/** Ether from the hot wallet to a deposit address, for its token sweep; the sweep is FUNDING. */
async function topUpGas(
  services: Services,
  signer: TransactionSigner,
  topUp: {
    sweep: Omit<SweepRecord, "id" | "createdAt" | "status" | "txHash">;
    depositIds: number[];
    value: bigint;
  },
): Promise<void> {
  const { adapter } = sendingChain(services);
  const from = signer.hotWalletAddress;
  const to = topUp.sweep.fromAddress as `0x${string}`;
  const priced = await pricedRequest(services, { to, value: topUp.value, gas: ETHER_TRANSFER_GAS });
  const hotWalletEther = await adapter.nativeBalance(from);
  if (hotWalletEther < topUp.value + priced.gas * priced.maxFeePerGas) {
    services.log.warn("sweep waits: the hot wallet cannot pay the gas top-up", {
      userId: topUp.sweep.userId,
      asset: topUp.sweep.assetCode,
    });
    return;
  }
  const nonce = await allocateNonce(services, from);
  const raw = await signer.signFromHotWallet({ ...priced, nonce });
  const hash = signedTransactionHash(raw);
  const stored = await storeSigned(
    services,
    { hash, raw, from, nonce, purpose: "GAS_TOP_UP" },
    async (tx) => {
      const created = await createSweep(
        tx,
        { ...topUp.sweep, status: "FUNDING", txHash: null },
        topUp.depositIds,
      );
      return String(created.id);
    },
  );
  if (!stored) return;
  services.log.info("gas top-up signed", { userId: topUp.sweep.userId, txHash: hash });
  await broadcastStored(services, { hash, raw, status: "SIGNED" });
}

/**
 * Signs the token transfer of a sweep from its deposit address, stores it with `record` and
 * broadcasts it; answers its hash, or undefined when not stored. The fee is capped at what the
 * address's ether can pay, so a top-up made at a lower fee still covers the transfer.
 */
async function signTokenSweep(
  services: Services,
  signer: TransactionSigner,
  sweep: { userId: number; fromAddress: string; chainAmount: bigint; contract: string },
  record: (tx: Tx, hash: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const { adapter } = sendingChain(services);
  const data = tokenTransferData(signer.hotWalletAddress, sweep.chainAmount);
  const to = sweep.contract as `0x${string}`;
  const priced = await pricedRequest(services, { to, data, gas: TOKEN_TRANSFER_GAS });
  const affordable = (await adapter.nativeBalance(sweep.fromAddress)) / TOKEN_TRANSFER_GAS;
  const maxFeePerGas = smaller(priced.maxFeePerGas, affordable);
  const maxPriorityFeePerGas = smaller(priced.maxPriorityFeePerGas, maxFeePerGas);
  const nonce = await allocateNonce(services, sweep.fromAddress);
  const raw = await signer.signSweep(sweep.userId, {
    ...priced,
    maxFeePerGas,
    maxPriorityFeePerGas,
    nonce,
  });
  const hash = signedTransactionHash(raw);
  const stored = await storeSigned(
    services,
    { hash, raw, from: sweep.fromAddress, nonce, purpose: "SWEEP" },
    (tx) => record(tx, hash),
  );
  if (!stored) return undefined;
  await broadcastStored(services, { hash, raw, status: "SIGNED" });
  return hash;
}

export interface SweepTrackingOptions {
  signer: TransactionSigner;
  /** An unmined transaction the node has not known for this long is dropped. */
  dropAfterMs: number;
}

/**
 * One pass over sweeps under way, from the table (so a crash between a transaction's verdict
 * and its sweep's move is finished next time): a confirmed top-up lets its token transfer go; a
 * confirmed transfer makes the sweep CONFIRMED; a reverted or dropped one FAILED.
 */
export async function trackSweeps(
  services: Services,
  options: SweepTrackingOptions,
): Promise<void> {
  const chain = sendingChain(services);
  const facts = await findSendingFacts(services.db, chain.key);
  const dropAfterMs = options.dropAfterMs;
  // A top-up needs one block: if it is reorganised away the sweep fails for want of gas and is
  // made again. The sweep itself waits for the asset's confirmations.
  for (const sweep of await findSweepsIn(services.db, chain.key, "FUNDING")) {
    const topUp = await latestTransaction(services, "GAS_TOP_UP", sweep.id);
    if (!topUp) continue;
    const canceller = { signer: options.signer };
    const verdict = await verdictOf(services, topUp, { required: 1, dropAfterMs, canceller });
    if (verdict.kind === "confirmed") await sweepFundedToken(services, options.signer, sweep);
    else if (verdict.kind === "reverted" || verdict.kind === "dropped") {
      await failSweep(services, sweep, verdict.kind);
    }
  }
  for (const sweep of await findSweepsIn(services.db, chain.key, "BROADCAST")) {
    const transfer = await latestTransaction(services, "SWEEP", sweep.id);
    if (!transfer) continue;
    const required = facts.get(sweep.assetCode)?.confirmations ?? 1;
    const canceller = { signer: options.signer, userId: sweep.userId };
    const verdict = await verdictOf(services, transfer, { required, dropAfterMs, canceller });
    if (verdict.kind === "confirmed") {
      await moveSweep(services.db, { id: sweep.id, from: "BROADCAST", to: "CONFIRMED" });
    } else if (verdict.kind === "reverted" || verdict.kind === "dropped") {
      await failSweep(services, sweep, verdict.kind);
    }
  }
}

async function latestTransaction(
  services: Services,
  purpose: "SWEEP" | "GAS_TOP_UP",
  sweepId: number,
) {
  return (await findTransactionsFor(services.db, purpose, String(sweepId))).at(-1);
}

/** A failed sweep lets its deposits go: the next sweep of the address takes them. */
async function failSweep(services: Services, sweep: SweepRecord, reason: string): Promise<void> {
  if (await moveSweep(services.db, { id: sweep.id, from: sweep.status, to: "FAILED" })) {
    services.log.warn("sweep failed", { sweepId: sweep.id, reason });
  }
}

/** The token transfer of a sweep whose gas top-up is mined: FUNDING → BROADCAST. */
async function sweepFundedToken(
  services: Services,
  signer: TransactionSigner,
  sweep: SweepRecord,
): Promise<void> {
  if (sweep.status !== "FUNDING") return;
  const asset = (await findSendingFacts(services.db, sweep.chainKey)).get(sweep.assetCode);
  if (!asset?.contractAddress) return;
  await signTokenSweep(
    services,
    signer,
    { ...sweep, contract: asset.contractAddress },
    async (tx, hash) => {
      const moved = await moveSweep(
        tx,
        { id: sweep.id, from: "FUNDING", to: "BROADCAST" },
        { txHash: hash },
      );
      return moved ? String(sweep.id) : undefined;
    },
  );
}

const smaller = (a: bigint, b: bigint): bigint => (a < b ? a : b);
