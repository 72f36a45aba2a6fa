import { signedTransactionHash, tokenTransferData } from "@exchange/chain";
import { clockDate } from "@exchange/protocol";
import type { Services } from "../services";
import {
  atomsToChainUnits,
  ETHER_TRANSFER_GAS,
  hotWalletCanPay,
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
import {
  findApprovedWithdrawals,
  findSendingFacts,
  type SendingFacts,
} from "./chain-transaction-repository";
import type { TransactionRequest, TransactionSigner } from "./transaction-signer";
import { moveWithdrawal, type WithdrawalRecord } from "./withdrawal-repository";

/**
 * Sending approved withdrawals from the hot wallet (issue 13, step "approved ⇒ the signer signs
 * and broadcasts"). Oldest approval first; a withdrawal the hot wallet cannot pay without
 * falling below the asset's low line stays APPROVED ("waiting for funds", seed 004) and so do
 * the later ones of that asset, so a large withdrawal is not overtaken forever by small ones.
 * What happens after the broadcast is withdrawal-tracking.ts.
 */

/** How many approved withdrawals one pass looks at. */
const PASS_LIMIT = 50;

export interface SendOutcome {
  /** Withdrawals signed, stored and broadcast in this pass. */
  sent: string[];
  /** Withdrawals left APPROVED because the hot wallet is short of the asset or of gas. */
  waiting: string[];
}

export interface SendOptions {
  signer: TransactionSigner;
  /**
   * Runs between a transaction's store and its broadcast: the signer's test fault (a crash at
   * the worst moment) stops the process here.
   */
  beforeBroadcast?: (txHash: string) => Promise<void>;
}

/** One pass over the APPROVED withdrawals of the process's chain. */
export async function sendApprovedWithdrawals(
  services: Services,
  options: SendOptions,
): Promise<SendOutcome> {
  const chain = sendingChain(services);
  const approved = await findApprovedWithdrawals(services.db, chain.key, PASS_LIMIT);
  if (approved.length === 0) return { sent: [], waiting: [] };
  const facts = await findSendingFacts(services.db, chain.key);
  const outcome: SendOutcome = { sent: [], waiting: [] };
  const starved = new Set<string>();
  for (const withdrawal of approved) {
    const asset = facts.get(withdrawal.assetCode);
    if (!asset || starved.has(withdrawal.assetCode)) {
      outcome.waiting.push(withdrawal.id);
      continue;
    }
    const result = await sendWithdrawal(services, options, withdrawal, asset).catch(
      (error: unknown) => {
        // One withdrawal the signer refuses (a bug upstream) must not hold up the queue; it
        // stays APPROVED, logged at each pass, for someone to look at.
        services.log.error("withdrawal not sent", { withdrawalId: withdrawal.id, error });
        return "failed" as const;
      },
    );
    if (result === "sent") outcome.sent.push(withdrawal.id);
    if (result === "waiting") {
      starved.add(withdrawal.assetCode);
      outcome.waiting.push(withdrawal.id);
    }
  }
  return outcome;
}

/** Signs, stores (with the move to BROADCAST) and broadcasts one withdrawal, funds allowing. */
async function sendWithdrawal(
  services: Services,
  { signer, beforeBroadcast }: SendOptions,
  withdrawal: WithdrawalRecord,
  asset: SendingFacts,
): Promise<"sent" | "waiting" | "moved"> {
  const amount = atomsToChainUnits(withdrawal.amountAtoms, asset.precision, asset.decimals);
  const fields = transferFields(withdrawal.toAddress, amount, asset);
  const priced = await pricedRequest(services, fields);
  if (!(await hotWalletCanSend(services, signer, { asset, amount, priced }))) {
    services.log.debug("withdrawal waits for hot wallet funds", {
      withdrawalId: withdrawal.id,
      asset: asset.assetCode,
    });
    return "waiting";
  }
  const from = signer.hotWalletAddress;
  const nonce = await allocateNonce(services, from);
  const raw = await signer.signFromHotWallet({ ...priced, nonce });
  const hash = signedTransactionHash(raw);
  const at = clockDate(services.clock);
  const move = { id: withdrawal.id, from: "APPROVED", to: "BROADCAST", at } as const;
  const stored = await storeSigned(
    services,
    { hash, raw, from, nonce, purpose: "WITHDRAWAL" },
    async (tx) => (await moveWithdrawal(tx, move, { txHash: hash, broadcastAt: at }))?.id,
  );
  if (!stored) return "moved";
  services.log.info("withdrawal signed", { withdrawalId: withdrawal.id, txHash: hash, nonce });
  await beforeBroadcast?.(hash);
  await broadcastStored(services, { hash, raw, status: "SIGNED" });
  return "sent";
}

/** Ether: a value transfer; a token: `transfer(to, amount)` on its contract, with fixed gas. */
function transferFields(
  to: string,
  amount: bigint,
  asset: SendingFacts,
): Pick<TransactionRequest, "to" | "value" | "data" | "gas"> {
  if (asset.kind === "NATIVE") {
    return { to: to as `0x${string}`, value: amount, gas: ETHER_TRANSFER_GAS };
  }
  if (!asset.contractAddress) {
    throw new Error(`${asset.assetCode} has no token contract recorded on this chain`);
  }
  return {
    to: asset.contractAddress as `0x${string}`,
    data: tokenTransferData(to, amount),
    gas: TOKEN_TRANSFER_GAS,
  };
}

/** The hot wallet's balances against the amount, the low line and the gas (chain-decisions.ts). */
async function hotWalletCanSend(
  services: Services,
  signer: TransactionSigner,
  send: { asset: SendingFacts; amount: bigint; priced: Omit<TransactionRequest, "nonce"> },
): Promise<boolean> {
  const { adapter } = sendingChain(services);
  const { asset, amount, priced } = send;
  const hotWallet = signer.hotWalletAddress;
  const etherBalance = await adapter.nativeBalance(hotWallet);
  const assetBalance =
    asset.kind === "NATIVE"
      ? etherBalance
      : await adapter.tokenBalance(asset.contractAddress as string, hotWallet);
  return hotWalletCanPay({
    assetBalance,
    amount,
    lowLine: lineInChainUnits(asset.hotWalletLow, asset.decimals),
    etherBalance,
    maxGasCost: priced.gas * priced.maxFeePerGas,
    assetIsEther: asset.kind === "NATIVE",
  });
}
