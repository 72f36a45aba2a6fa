"use client";

import { buttonClasses, useToast } from "@exchange/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { AssetIcon } from "@/components/markets/asset-icon";
import { StreamProvider } from "@/components/trade/stream-provider";
import { useTRPC } from "@/trpc/react";
import { useAmountText } from "./amount-text";
import { DepositHistory } from "./deposit-history";
import { PanelError, PanelLoading, TOUCH } from "./panel-states";
import { useWalletLive } from "./use-wallet-live";
import { WalletCard } from "./wallet-card";

/** The local development chain: a newcomer funds their address with `npm run chain:fund`. */
const LOCAL_NETWORK = "evm-local";

/**
 * The Deposit page: pick an asset, see the network, the address (copy, QR), the minimum and the
 * confirmations, and the deposits of that asset with their confirmations rising live.
 */
export function DepositScreen({ streamUrl, asset }: { streamUrl: string; asset: string }) {
  const t = useTranslations("wallet.deposit");
  return (
    <StreamProvider url={streamUrl} authenticated>
      <Live />
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6">
        <header className="flex flex-col gap-1">
          <Link
            href="/wallet"
            className="inline-flex min-h-10 items-center self-start text-xs text-ink-muted hover:text-ink sm:min-h-0"
          >
            {t("back")}
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        </header>
        <DepositBody initialAsset={asset} />
      </div>
    </StreamProvider>
  );
}

function Live() {
  useWalletLive();
  return null;
}

function DepositBody({ initialAsset }: { initialAsset: string }) {
  const t = useTranslations("wallet.deposit");
  const trpc = useTRPC();
  const router = useRouter();
  const assets = useQuery(trpc.wallet.deposits.assets.queryOptions());
  const [asset, setAsset] = useState(initialAsset);
  if (assets.isPending) return <PanelLoading>{t("loadingAssets")}</PanelLoading>;
  if (assets.isError) {
    return <PanelError error={assets.error} onRetry={() => void assets.refetch()} />;
  }
  const choose = (code: string) => {
    setAsset(code);
    router.replace(`/wallet/deposit?asset=${code}`, { scroll: false });
  };
  const supported = assets.data.assets.some((a) => a.asset === asset);
  return (
    <>
      <WalletCard title={t("asset")}>
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">{t("assetLegend")}</legend>
          {assets.data.assets.map((a) => (
            <button
              key={a.asset}
              type="button"
              aria-pressed={a.asset === asset}
              data-testid="deposit-asset"
              onClick={() => choose(a.asset)}
              className={`flex min-h-10 items-center gap-2 rounded-lg px-3 py-2 text-[13px] font-medium ring-1 transition-colors ${
                a.asset === asset
                  ? "bg-brand/10 text-ink ring-brand"
                  : "text-ink-muted ring-line hover:bg-hover hover:text-ink"
              }`}
            >
              <AssetIcon code={a.asset} />
              {a.asset}
            </button>
          ))}
        </fieldset>
        {supported ? null : (
          <p role="alert" className="text-[13px] text-warn">
            {t("unsupported", { asset })}
          </p>
        )}
      </WalletCard>
      {supported ? <AddressCard asset={asset} /> : null}
      {supported ? (
        <WalletCard title={t("recent", { asset })}>
          <DepositHistory asset={asset} limit={10} />
        </WalletCard>
      ) : null}
    </>
  );
}

function AddressCard({ asset }: { asset: string }) {
  const t = useTranslations("wallet.deposit");
  const amount = useAmountText();
  const trpc = useTRPC();
  const address = useQuery(trpc.wallet.deposits.address.queryOptions({ asset }));
  if (address.isPending) {
    return (
      <WalletCard title={t("addressTitle")}>
        <PanelLoading>{t("preparing")}</PanelLoading>
      </WalletCard>
    );
  }
  if (address.isError) {
    return (
      <WalletCard title={t("addressTitle")}>
        <PanelError error={address.error} onRetry={() => void address.refetch()} />
      </WalletCard>
    );
  }
  const a = address.data;
  const network =
    a.network === LOCAL_NETWORK ? t("localNetwork", { network: a.network }) : a.network;
  return (
    <WalletCard title={t("addressTitle")} testId="deposit-address-card">
      <div className="flex flex-col items-center gap-5 sm:flex-row sm:items-start">
        {/* A data URL made on the server: nothing for next/image to optimise. */}
        {/* biome-ignore lint/performance/noImgElement: data URL QR code */}
        <img
          src={a.qrCodeDataUrl}
          alt={t("qrAlt", { asset: a.asset })}
          width={160}
          height={160}
          className="size-40 shrink-0 rounded-md bg-white p-1"
          data-testid="deposit-qr"
        />
        <div className="flex w-full min-w-0 flex-col gap-4">
          <div className="flex flex-col gap-1.5">
            <span className="text-xs font-medium tracking-wide text-ink-muted uppercase">
              {t("address")}
            </span>
            <div className="flex items-start gap-2">
              <code
                data-testid="deposit-address"
                className="min-w-0 flex-1 rounded-md bg-canvas px-3 py-2 font-mono text-[13px] leading-5 break-all text-ink ring-1 ring-line select-all"
              >
                {a.address}
              </code>
              <CopyButton text={a.address} />
            </div>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-[13px]">
            <dt className="text-ink-muted">{t("network")}</dt>
            <dd className="text-ink" data-testid="deposit-network">
              {network}
            </dd>
            {a.contractAddress ? (
              <>
                <dt className="text-ink-muted">{t("tokenContract")}</dt>
                <dd className="font-mono text-xs break-all text-ink-muted">{a.contractAddress}</dd>
              </>
            ) : null}
            <dt className="text-ink-muted">{t("minimum")}</dt>
            <dd className="text-ink tabular-nums" data-testid="deposit-minimum">
              {amount(a.minDeposit)} {a.asset}
            </dd>
            <dt className="text-ink-muted">{t("creditedAfter")}</dt>
            <dd className="text-ink" data-testid="deposit-confirmations">
              {t("confirmations", { count: a.confirmationsRequired })}
            </dd>
          </dl>
        </div>
      </div>
      <ul className="flex flex-col gap-1 rounded-lg bg-canvas px-4 py-3 text-xs leading-5 text-ink-muted ring-1 ring-line">
        <li>{t("sendOnly", { asset: a.asset, network })}</li>
        <li>{t("belowMinimum", { minimum: amount(a.minDeposit), asset: a.asset })}</li>
        {a.network === LOCAL_NETWORK ? (
          <li data-testid="dev-funding-hint">
            {t("localFunding")}{" "}
            <code className="font-mono break-all text-ink">{fundCommand(a.address, a.asset)}</code>
          </li>
        ) : null}
      </ul>
    </WalletCard>
  );
}

function CopyButton({ text }: { text: string }) {
  const t = useTranslations("wallet.deposit");
  const toast = useToast();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      toast({
        tone: "error",
        title: t("copyFailed"),
        description: t("copyFailedHint"),
      });
    }
  }
  return (
    <>
      <button
        type="button"
        onClick={copy}
        className={`${buttonClasses("secondary", "sm")} ${TOUCH} shrink-0`}
        data-testid="copy-address"
      >
        {copied ? t("copied") : t("copy")}
      </button>
      <span className="sr-only" aria-live="polite">
        {copied ? t("copiedAnnounce") : ""}
      </span>
    </>
  );
}

/** The development chain's faucet, as a newcomer types it (a command: not translated). */
function fundCommand(address: string, asset: string): string {
  return `npm run chain:fund -- ${address} ${asset} 1`;
}
