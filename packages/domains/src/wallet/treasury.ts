import { formatUnits } from "@exchange/contracts/money";
import { clockDate } from "@exchange/protocol";
import { findActiveStaffEmailsWithRole } from "../identity/staff-repository";
import type { OutgoingMail } from "../mail/mailer";
import type { Services } from "../services";
import {
  alertsDue,
  decideAlerts,
  type HotWalletAlertKind,
  type HotWalletLines,
  type HotWalletState,
  hotWalletState,
  lineUnits,
} from "./hot-wallet-lines";
import { findHotWalletAssets, findRecentSweeps, type HotWalletAsset } from "./treasury-repository";
import {
  findOpenWalletAlerts,
  findRecentWalletAlerts,
  openWalletAlert,
  resolveWalletAlerts,
  type WalletAlertRecord,
} from "./wallet-alert-repository";
import type { WalletChain } from "./wallet-chain";

/**
 * The hot wallet as finance watches it (issue 13 §4, seed 004 调拨): its balance of each enabled
 * chain asset, read on chain from the address the xpub derives (no key), against the asset's
 * warning and low lines; alerts opened and resolved as the balance crosses them, with a mail to
 * every active finance staff member when one opens.
 */

/** What a hot-wallet check needs: the worker passes its own, the apps their services. */
export type TreasuryDeps = Pick<Services, "db" | "log" | "clock" | "mailer"> & {
  wallet: WalletChain;
};

/** One asset's hot-wallet balance against its lines. */
export interface HotWalletBalance {
  assetCode: string;
  /** On chain, in the chain's smallest unit. */
  balanceUnits: bigint;
  decimals: number;
  lines: HotWalletLines;
  state: HotWalletState;
}

/** The hot wallet's balance of each enabled asset of the chain (a token not deployed yet is left out). */
export async function readHotWalletBalances(
  deps: Pick<TreasuryDeps, "db" | "wallet">,
): Promise<HotWalletBalance[]> {
  const { wallet } = deps;
  const assets = await findHotWalletAssets(deps.db, wallet.key);
  const hot = wallet.addresses.hotWalletAddress;
  const read = async (asset: HotWalletAsset): Promise<HotWalletBalance | undefined> => {
    if (asset.kind === "ERC20" && !asset.contractAddress) return undefined;
    const balanceUnits = asset.contractAddress
      ? await wallet.adapter.tokenBalance(asset.contractAddress, hot)
      : await wallet.adapter.nativeBalance(hot);
    const lines = {
      warningUnits: lineUnits(asset.warningLine, asset.decimals),
      lowUnits: lineUnits(asset.lowLine, asset.decimals),
    };
    return {
      assetCode: asset.assetCode,
      balanceUnits,
      decimals: asset.decimals,
      lines,
      state: hotWalletState(balanceUnits, lines),
    };
  };
  const balances = await Promise.all(assets.map(read));
  return balances.filter((b): b is HotWalletBalance => b !== undefined);
}

/**
 * Whether the hot wallet holds less of `assetCode` than its low line, read on chain now: while
 * it does, withdrawals of the asset wait instead of being sent (seed 004, 调拨). False for an
 * asset the chain does not carry (nothing to wait for here).
 */
export async function isHotWalletBelowLow(
  deps: Pick<TreasuryDeps, "db" | "wallet">,
  assetCode: string,
): Promise<boolean> {
  const balances = await readHotWalletBalances(deps);
  return balances.find((b) => b.assetCode === assetCode)?.state === "BELOW_LOW";
}

export interface HotWalletCheck {
  balances: HotWalletBalance[];
  opened: WalletAlertRecord[];
  resolved: number;
}

/**
 * One check of the hot wallet (the worker's hot-wallet job): opens the alerts due and not open
 * yet, resolves those whose line the balance is back above, and mails finance about what it
 * opened. Run twice on the same balances, the second run changes nothing and mails no one.
 */
export async function checkHotWallet(deps: TreasuryDeps): Promise<HotWalletCheck> {
  const balances = await readHotWalletBalances(deps);
  const open = await findOpenWalletAlerts(deps.db, deps.wallet.key);
  const at = clockDate(deps.clock);
  const opened: WalletAlertRecord[] = [];
  let resolved = 0;
  for (const balance of balances) {
    const mine = open.filter(
      (alert): alert is WalletAlertRecord & { kind: HotWalletAlertKind } =>
        alert.assetCode === balance.assetCode && alert.kind !== "DEPOSIT_REORGED",
    );
    const decision = decideAlerts(alertsDue(balance.balanceUnits, balance.lines), mine);
    resolved += await resolveWalletAlerts(deps.db, decision.resolve, at);
    for (const kind of decision.open) {
      const alert = await openWalletAlert(deps.db, {
        chainKey: deps.wallet.key,
        assetCode: balance.assetCode,
        kind,
        message: alertMessage(kind, balance),
        at,
      });
      if (alert) opened.push(alert);
    }
  }
  if (opened.length > 0) await mailFinance(deps, opened);
  if (opened.length > 0 || resolved > 0) {
    deps.log.info("hot wallet alerts changed", {
      opened: opened.map((a) => `${a.assetCode}:${a.kind}`),
      resolved,
    });
  }
  return { balances, opened, resolved };
}

/** Whole units of a chain amount, as finance reads it. */
const units = (b: Pick<HotWalletBalance, "decimals">, amount: bigint) =>
  formatUnits(amount, b.decimals);

/** The alert's words, which the banner, the alert list and the mail show. */
export function alertMessage(kind: HotWalletAlertKind, balance: HotWalletBalance): string {
  const { assetCode } = balance;
  const held = `${units(balance, balance.balanceUnits)} ${assetCode}`;
  if (kind === "HOT_WALLET_LOW") {
    return `The hot wallet holds ${held}, below its low line of ${units(balance, balance.lines.lowUnits)} ${assetCode}: ${assetCode} withdrawals wait until it is topped up.`;
  }
  return `The hot wallet holds ${held}, below its warning line of ${units(balance, balance.lines.warningUnits)} ${assetCode}: top it up before withdrawals have to wait.`;
}

/** One mail per finance staff member, listing every alert this check opened. */
export function hotWalletAlertMail(to: string, alerts: WalletAlertRecord[]): OutgoingMail {
  const low = alerts.some((a) => a.kind === "HOT_WALLET_LOW");
  const assets = [...new Set(alerts.map((a) => a.assetCode))].join(", ");
  const subject = `Hot wallet ${low ? "low" : "warning"}: ${assets}`;
  const lines = alerts.map((a) => a.message);
  const text = `${lines.map((line) => `- ${line}`).join("\n")}\n\nSee the Hot wallet section of the admin console. The alert resolves itself once the balance is back above its line.\n\n— Exchange\n`;
  const html = `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul><p>See the Hot wallet section of the admin console. The alert resolves itself once the balance is back above its line.</p>`;
  return { to, subject, text, html };
}

/**
 * Mails every active finance staff member. A mail failure does not undo the alert (the banner
 * shows it all the same), so it is logged, not thrown; no mailer configured is said once a run.
 */
async function mailFinance(deps: TreasuryDeps, alerts: WalletAlertRecord[]): Promise<void> {
  if (!deps.mailer) {
    deps.log.warn("hot wallet: no mailer configured; finance was not mailed about an alert");
    return;
  }
  const recipients = await findActiveStaffEmailsWithRole(deps.db, "FINANCE");
  for (const to of recipients) {
    try {
      await deps.mailer.send(hotWalletAlertMail(to, alerts));
    } catch (error) {
      deps.log.error("hot wallet: an alert mail could not be sent", { error });
    }
  }
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

// ── Finance's view ──────────────────────────────────────────────────────────────────────────

/** One asset as the hot-wallet page shows it; amounts in whole units, decimal text. */
export interface HotWalletAssetView {
  assetCode: string;
  balance: string;
  warningLine: string;
  lowLine: string;
  state: HotWalletState;
}

export interface SweepView {
  id: number;
  assetCode: string;
  userId: number;
  fromAddress: string;
  /** Whole units; the chain's smallest unit when the asset is no longer on the chain. */
  amount: string;
  status: "FUNDING" | "BROADCAST" | "CONFIRMED" | "FAILED";
  txHash: string | null;
  createdAt: Date;
}

export interface TreasuryOverview {
  /** Null when this process has no chain configured. */
  chain: {
    key: string;
    hotWalletAddress: string;
    /** Null when the chain's node did not answer. */
    assets: HotWalletAssetView[] | null;
  } | null;
  sweeps: SweepView[];
  openAlerts: WalletAlertRecord[];
  recentAlerts: WalletAlertRecord[];
}

/** Everything finance's hot-wallet page shows, read now. */
export async function treasuryOverview(
  services: Services,
  limits: { sweeps: number; alerts: number },
): Promise<TreasuryOverview> {
  const { wallet } = services;
  const [openAlerts, recentAlerts] = await Promise.all([
    findOpenWalletAlerts(services.db),
    findRecentWalletAlerts(services.db, limits.alerts),
  ]);
  if (!wallet) return { chain: null, sweeps: [], openAlerts, recentAlerts };
  const [assets, sweeps, chainAssets] = await Promise.all([
    readHotWalletBalances({ db: services.db, wallet }).catch((error: unknown) => {
      services.log.warn("hot wallet: the chain did not answer", { error });
      return null;
    }),
    findRecentSweeps(services.db, wallet.key, limits.sweeps),
    findHotWalletAssets(services.db, wallet.key),
  ]);
  const decimalsOf = new Map(chainAssets.map((a) => [a.assetCode, a.decimals]));
  return {
    chain: {
      key: wallet.key,
      hotWalletAddress: wallet.addresses.hotWalletAddress,
      assets:
        assets?.map((b) => ({
          assetCode: b.assetCode,
          balance: units(b, b.balanceUnits),
          warningLine: units(b, b.lines.warningUnits),
          lowLine: units(b, b.lines.lowUnits),
          state: b.state,
        })) ?? null,
    },
    sweeps: sweeps.map((s) => ({
      id: s.id,
      assetCode: s.assetCode,
      userId: s.userId,
      fromAddress: s.fromAddress,
      amount: formatUnits(s.chainAmount, decimalsOf.get(s.assetCode) ?? 0),
      status: s.status,
      txHash: s.txHash,
      createdAt: s.createdAt,
    })),
    openAlerts,
    recentAlerts,
  };
}

/** The open alerts, oldest first: the console's banner while any is open. */
export function listOpenWalletAlerts(services: Services): Promise<WalletAlertRecord[]> {
  return findOpenWalletAlerts(services.db);
}
