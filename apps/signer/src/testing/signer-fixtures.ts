/**
 * What the signer's integration tests share: a sandbox (engine, worker, its own database) on the
 * run's local chain, services whose wallet is a given mnemonic's, approved withdrawals made the
 * way the withdrawals domain makes them (row, engine freeze of amount + fee, approval), blocks
 * mined on demand and the ledger's sums.
 */
import { randomUUID } from "node:crypto";
import { parseAccountXpub } from "@exchange/chain";
import { fundOnLocalChain } from "@exchange/chain/local-faucet";
import type { Signer } from "@exchange/chain/signer";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { createServices, type Services } from "@exchange/domains/services";
import { randomAccountXpub } from "@exchange/domains/testing/test-services";
import { findSendingFacts } from "@exchange/domains/wallet/chain-transaction-repository";
import {
  freezeWithdrawal,
  routeFrozenWithdrawal,
} from "@exchange/domains/wallet/withdrawal-engine";
import { findWithdrawal } from "@exchange/domains/wallet/withdrawal-repository";
import { commandIds } from "@exchange/protocol";
import { requireRunVar, runVar } from "@exchange/protocol/testing";
import type { EngineSandbox } from "@exchange/testkit";

export const CHAIN_KEY = "evm-local";

export function chainRpcUrl(): string {
  return requireRunVar("CHAIN_RPC_URL");
}

/** Services on a sandbox whose wallet is `signer`'s (its xpub), with the run's mail sink. */
export async function signerServices(sandbox: EngineSandbox, signer: Signer): Promise<Services> {
  const smtpUrl = runVar("SMTP_URL");
  const services = await createServices({
    ...sandbox,
    service: "signer-test",
    logLevel: "warn",
    ...(smtpUrl
      ? {
          mail: {
            smtpUrl,
            from: requireRunVar("MAIL_FROM"),
            webPublicUrl: requireRunVar("WEB_PUBLIC_URL"),
          },
        }
      : {}),
    chain: {
      key: CHAIN_KEY,
      rpcUrl: chainRpcUrl(),
      chainId: Number(requireRunVar("CHAIN_ID")),
      walletXpub: signer.accountXpub,
    },
  });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  return services;
}

/** A fresh address nobody sends from: where a test's withdrawal goes. */
export function freshAddress(): string {
  return parseAccountXpub(randomAccountXpub()).depositAddress(1);
}

export async function tokenContract(services: Services): Promise<string> {
  const usdt = (await findSendingFacts(services.db, CHAIN_KEY)).get("USDT");
  if (!usdt?.contractAddress) throw new Error("the run's chain_assets has no USDT contract");
  return usdt.contractAddress;
}

/** Test funds on the local chain: wei, or token units when `token` is given. */
export async function fund(to: string, amountUnits: bigint, token?: string): Promise<void> {
  await fundOnLocalChain({ rpcUrl: chainRpcUrl(), to, amountUnits, ...(token ? { token } : {}) });
}

/** Mines `count` empty blocks (Hardhat's `hardhat_mine`). */
export async function mineBlocks(count: number): Promise<void> {
  const response = await fetch(chainRpcUrl(), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "hardhat_mine",
      params: [`0x${count.toString(16)}`],
    }),
  });
  const answer = (await response.json()) as { error?: { message: string } };
  if (answer.error) throw new Error(`hardhat_mine: ${answer.error.message}`);
}

/** Credits a user's engine balance (a test deposit). */
export async function creditUser(
  services: Services,
  userId: number,
  asset: string,
  amountAtoms: bigint,
): Promise<void> {
  const businessId = randomUUID();
  const reply = await services.engine.send({
    type: "balance.deposit",
    id: commandIds.deposit(`test:${businessId}`),
    ts: services.clock.now(),
    business: "test-deposit",
    businessId,
    userId,
    asset,
    amountAtoms,
  });
  if (!reply.outcome.ok) throw new Error(`deposit refused: ${reply.outcome.message}`);
}

/**
 * An APPROVED withdrawal as the withdrawals domain leaves an automatically approved one: the
 * row (no approval required), the engine's freeze of amount + fee, then the move on. Answers
 * its id.
 */
export async function approvedWithdrawal(
  services: Services,
  request: {
    userId: number;
    asset: string;
    toAddress: string;
    amountAtoms: bigint;
    feeAtoms: bigint;
  },
): Promise<string> {
  const id = randomUUID();
  await services.db.withdrawal.create({
    data: {
      id,
      userId: request.userId,
      chainKey: CHAIN_KEY,
      assetCode: request.asset,
      toAddress: request.toAddress,
      amountAtoms: request.amountAtoms.toString(),
      feeAtoms: request.feeAtoms.toString(),
      requestKey: id,
      status: "REQUESTED",
      requiredApprovals: 0,
      riskFlags: [],
    },
  });
  const record = await findWithdrawal(services.db, id);
  if (!record) throw new Error("the withdrawal row vanished");
  const outcome = await freezeWithdrawal(services, record);
  if (!outcome.ok) throw new Error(`freeze refused: ${outcome.message}`);
  await routeFrozenWithdrawal(services, record);
  return id;
}

/** A user's projected balance of one account (`available`, `frozen`); 0 when none. */
export async function balanceOf(
  services: Services,
  owner: { userId: number; account: string; asset: string },
): Promise<bigint> {
  const row = await services.db.accountBalance.findUnique({
    where: { userId_account_asset: owner },
    select: { balanceAtoms: true },
  });
  return row ? BigInt(row.balanceAtoms.toFixed()) : 0n;
}

/** Per asset, the sum of every ledger posting: double entry makes each 0. */
export async function ledgerSums(services: Services): Promise<Record<string, bigint>> {
  const sums = await services.db.ledgerPosting.groupBy({
    by: ["asset"],
    _sum: { amountAtoms: true },
  });
  return Object.fromEntries(
    sums.map((s) => [s.asset, BigInt(s._sum.amountAtoms?.toFixed() ?? "0")]),
  );
}
