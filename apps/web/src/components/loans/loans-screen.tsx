"use client";

import type { TraderRouter } from "@exchange/api/client";
import { loanIndexSymbol, loanLtvPpm } from "@exchange/contracts/lending";
import { buttonClasses, FormAlert, FormNotice, TextField } from "@exchange/ui";
import { type ApiErrorLike, useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { usePrivatePollMs } from "@/components/trade/use-account-live";
import { PanelError, PanelLoading, TOUCH } from "@/components/wallet/panel-states";
import { WalletCard } from "@/components/wallet/wallet-card";
import { useTRPC } from "@/trpc/react";
import { useIndexFeed, useLoansLive } from "./use-loans-live";

const QUOTE_DELAY_MS = 300;

/** 800 000 ppm → "80.00 %". */
function percent(ppm: number): string {
  return `${(ppm / 10_000).toFixed(2)} %`;
}

function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * The Loans page (seed 004 借贷): choose a product, the collateral and the loan (or the most it
 * allows), see the LTV, the warning and liquidation prices and the interest before confirming;
 * then the trader's loans with a live LTV gauge, their history, repay and add collateral.
 */
export function LoansScreen() {
  const t = useTranslations("loans");
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-[13px] text-ink-muted">{t("intro")}</p>
      </header>
      <WalletCard title={t("borrow.title")} testId="borrow-panel">
        <BorrowPanel />
      </WalletCard>
      <WalletCard title={t("mine.title")} testId="my-loans">
        <MyLoans />
      </WalletCard>
    </div>
  );
}

function BorrowPanel() {
  const t = useTranslations("loans.borrow");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const offers = useQuery(trpc.lending.offers.queryOptions());
  const [productId, setProductId] = useState<number>();
  const [collateral, setCollateral] = useState("");
  const [loan, setLoan] = useState("");
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const requestKey = useRef(crypto.randomUUID());
  const offer = offers.data?.find((o) => o.productId === productId) ?? offers.data?.[0];
  const choice = useSettled(
    { productId: offer?.productId ?? 0, collateral: collateral.trim(), loan: loan.trim() },
    QUOTE_DELAY_MS,
  );
  const quote = useQuery({
    ...trpc.lending.quote.queryOptions(choice),
    enabled: choice.productId > 0 && choice.collateral !== "" && choice.loan !== "",
    retry: false,
  });
  const borrow = useMutation(trpc.lending.borrow.mutationOptions());

  if (offers.isPending) return <PanelLoading>{t("loading")}</PanelLoading>;
  if (offers.isError)
    return <PanelError error={offers.error} onRetry={() => void offers.refetch()} />;
  if (!offer) return <p className="text-[13px] text-ink-muted">{t("none")}</p>;

  function edit(apply: () => void) {
    apply();
    setError(undefined);
    setDone(undefined);
    requestKey.current = crypto.randomUUID();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (borrow.isPending || !offer) return;
    try {
      const opened = await borrow.mutateAsync({
        productId: offer.productId,
        collateral: collateral.trim(),
        loan: loan.trim(),
        requestKey: requestKey.current,
      });
      requestKey.current = crypto.randomUUID();
      setDone(t("done", { amount: opened.principal, asset: opened.loanAsset }));
      setCollateral("");
      setLoan("");
      void queryClient.invalidateQueries(trpc.lending.loans.pathFilter());
      void queryClient.invalidateQueries(trpc.trading.balances.pathFilter());
    } catch (failure) {
      setError(errorText(failure as ApiErrorLike));
    }
  }

  const q = quote.data;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label={t("title")}>
      {done ? (
        <FormNotice>
          <span role="status" data-testid="borrow-done">
            {done}
          </span>
        </FormNotice>
      ) : null}
      {error ? <FormAlert>{error}</FormAlert> : null}
      <label className="flex max-w-md flex-col gap-1.5 text-[13px] font-medium text-ink">
        {t("product")}
        <select
          name="product"
          className={`rounded-md border border-line bg-surface px-3 py-2 ${TOUCH}`}
          value={offer.productId}
          onChange={(e) => edit(() => setProductId(Number(e.target.value)))}
        >
          {offers.data.map((o) => (
            <option key={o.productId} value={o.productId} translate="no">
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <p className="text-[13px] text-ink-muted">
        {t("terms", {
          ltv: percent(offer.initialLtvPpm),
          warning: percent(offer.warningLinePpm),
          liquidation: percent(offer.liquidationLinePpm),
          rate: percent(offer.ratePpm),
          period: t(`period.${offer.interestPeriod}`),
          min: offer.minLoan,
          max: offer.maxLoan,
          asset: offer.loanAsset,
        })}
      </p>
      <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
        <TextField
          label={t("collateral", { asset: offer.collateralAsset })}
          name="collateral"
          inputMode="decimal"
          autoComplete="off"
          className="tabular-nums"
          value={collateral}
          onChange={(e) => edit(() => setCollateral(e.target.value))}
        />
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <TextField
              label={t("loan", { asset: offer.loanAsset })}
              name="loan"
              inputMode="decimal"
              autoComplete="off"
              className="tabular-nums"
              value={loan}
              onChange={(e) => edit(() => setLoan(e.target.value))}
            />
          </div>
          <button
            type="button"
            className={`${buttonClasses("ghost", "sm")} ${TOUCH}`}
            onClick={() => edit(() => setLoan(q?.maxLoan ?? "max"))}
          >
            {t("max")}
          </button>
        </div>
      </div>
      {quote.isError ? (
        <p className="text-[13px] text-sell" role="alert">
          {errorText(quote.error as ApiErrorLike)}
        </p>
      ) : null}
      {q ? (
        <dl
          data-testid="loan-quote"
          className="grid max-w-2xl grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-line p-4 text-[13px] sm:grid-cols-2"
        >
          <Figure label={t("quote.ltv")} value={percent(q.ltvPpm)} testId="quote-ltv" />
          <Figure label={t("quote.index")} value={`${q.indexPrice} ${q.loanAsset}`} />
          <Figure label={t("quote.warning")} value={`${q.warningPrice} ${q.loanAsset}`} />
          <Figure label={t("quote.liquidation")} value={`${q.liquidationPrice} ${q.loanAsset}`} />
          <Figure label={t("quote.maxLoan")} value={`${q.maxLoan} ${q.loanAsset}`} />
          <Figure
            label={t("quote.interest", { period: t(`period.${q.interestPeriod}`) })}
            value={`${q.interestPerPeriod} ${q.loanAsset}`}
          />
          {q.interestForTerm !== null ? (
            <Figure
              label={t("quote.interestForTerm", { days: q.termDays ?? 0 })}
              value={`${q.interestForTerm} ${q.loanAsset}`}
            />
          ) : null}
        </dl>
      ) : null}
      <div>
        <button
          type="submit"
          disabled={!q || borrow.isPending}
          className={`${buttonClasses("primary", "md")} ${TOUCH}`}
        >
          {t("confirm")}
        </button>
      </div>
    </form>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex items-baseline justify-between gap-3">
      <dt className="text-ink-muted">{label}</dt>
      <dd className="font-medium tabular-nums text-ink" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

type Loan = inferRouterOutputs<TraderRouter>["lending"]["loans"][number];

const isLive = (loan: Loan) => loan.status === "OPEN" || loan.status === "LIQUIDATING";
const symbolOf = (loan: Loan) => loanIndexSymbol(loan.collateralAsset, loan.loanAsset);

/**
 * The trader's loans, re-read when the projector pushes a change (re-read every few seconds
 * only without an authenticated stream); each live loan's LTV follows its market's index
 * pushes.
 */
function MyLoans() {
  const t = useTranslations("loans.mine");
  const trpc = useTRPC();
  useLoansLive();
  const loans = useQuery({
    ...trpc.lending.loans.queryOptions(),
    refetchInterval: usePrivatePollMs(),
  });
  const [indexPrices, setIndexPrices] = useState<Record<string, string>>({});
  const onPrice = useCallback(
    (symbol: string, price: string) =>
      setIndexPrices((prices) =>
        prices[symbol] === price ? prices : { ...prices, [symbol]: price },
      ),
    [],
  );
  if (loans.isPending) return <PanelLoading>{t("loading")}</PanelLoading>;
  if (loans.isError) return <PanelError error={loans.error} onRetry={() => void loans.refetch()} />;
  if (loans.data.length === 0) return <p className="text-[13px] text-ink-muted">{t("none")}</p>;
  const symbols = [...new Set(loans.data.filter(isLive).map(symbolOf))];
  return (
    <ul className="flex flex-col gap-4">
      {symbols.map((symbol) => (
        <IndexFeed key={symbol} symbol={symbol} onPrice={onPrice} />
      ))}
      {loans.data.map((loan) => (
        <LoanCard key={loan.id} loan={withIndex(loan, indexPrices[symbolOf(loan)])} />
      ))}
    </ul>
  );
}

function IndexFeed({
  symbol,
  onPrice,
}: {
  symbol: string;
  onPrice: (symbol: string, price: string) => void;
}) {
  useIndexFeed(symbol, (price) => onPrice(symbol, price));
  return null;
}

/** The loan at the pushed index: its LTV recomputed (debt / (collateral × index)). */
function withIndex(loan: Loan, indexPrice: string | undefined): Loan {
  if (indexPrice === undefined || !isLive(loan)) return loan;
  const ltvPpm = loanLtvPpm(loan.debt, loan.collateral, indexPrice);
  return ltvPpm === null ? loan : { ...loan, indexPrice, ltvPpm };
}

function LtvGauge({ loan }: { loan: Loan }) {
  const t = useTranslations("loans.mine");
  const ltv = loan.ltvPpm ?? 0;
  const width = Math.min(100, ltv / 10_000);
  const tone =
    ltv >= loan.liquidationLtvPpm
      ? "bg-down"
      : ltv >= loan.warningLtvPpm
        ? "bg-amber-500"
        : "bg-up";
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between text-[13px]">
        <span className="text-ink-muted">{t("ltv")}</span>
        <span className="font-medium tabular-nums" data-testid="loan-ltv">
          {loan.ltvPpm === null ? "—" : percent(loan.ltvPpm)}
        </span>
      </div>
      <div className="relative h-2 w-full overflow-hidden rounded-full bg-line" aria-hidden="true">
        <div className={`h-full ${tone}`} style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}

function LoanCard({ loan }: { loan: Loan }) {
  const t = useTranslations("loans.mine");
  const [open, setOpen] = useState<"repay" | "collateral" | "history">();
  const active = loan.status === "OPEN";
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-line p-4" data-testid="loan-card">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium text-ink" translate="no">
          {loan.productName}
        </span>
        <span className="text-[13px] text-ink-muted" data-testid="loan-status">
          {t(`status.${loan.status}`)}
        </span>
      </div>
      {active || loan.status === "LIQUIDATING" ? <LtvGauge loan={loan} /> : null}
      {active && loan.ltvPpm !== null && loan.ltvPpm >= loan.warningLtvPpm ? (
        <p className="text-[13px] font-medium text-sell" role="status" data-testid="loan-warning">
          {t("warningFlag")}
        </p>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1.5 text-[13px] sm:grid-cols-2">
        <Figure label={t("debt")} value={`${loan.debt} ${loan.loanAsset}`} testId="loan-debt" />
        <Figure label={t("principal")} value={`${loan.principal} ${loan.loanAsset}`} />
        <Figure label={t("interest")} value={`${loan.interest} ${loan.loanAsset}`} />
        <Figure label={t("collateral")} value={`${loan.collateral} ${loan.collateralAsset}`} />
        {isLive(loan) ? (
          <>
            <Figure label={t("warningPrice")} value={`${loan.warningPrice} ${loan.loanAsset}`} />
            <Figure
              label={t("liquidationPrice")}
              value={`${loan.liquidationPrice} ${loan.loanAsset}`}
              testId="loan-liquidation-price"
            />
          </>
        ) : null}
        {isLive(loan) && loan.indexPrice ? (
          <Figure label={t("index")} value={`${loan.indexPrice} ${loan.loanAsset}`} />
        ) : null}
      </dl>
      <div className="flex flex-wrap gap-2">
        {active ? (
          <>
            <button
              type="button"
              className={`${buttonClasses("primary", "sm")} ${TOUCH}`}
              onClick={() => setOpen(open === "repay" ? undefined : "repay")}
            >
              {t("repay")}
            </button>
            <button
              type="button"
              className={`${buttonClasses("ghost", "sm")} ${TOUCH}`}
              onClick={() => setOpen(open === "collateral" ? undefined : "collateral")}
            >
              {t("addCollateral")}
            </button>
          </>
        ) : null}
        <button
          type="button"
          className={`${buttonClasses("ghost", "sm")} ${TOUCH}`}
          onClick={() => setOpen(open === "history" ? undefined : "history")}
        >
          {t("history")}
        </button>
      </div>
      {open === "repay" ? <MoveForm loan={loan} kind="repay" /> : null}
      {open === "collateral" ? <MoveForm loan={loan} kind="collateral" /> : null}
      {open === "history" ? <LoanHistory loan={loan} /> : null}
    </li>
  );
}

/** Repay (part or all) or add collateral: one attempt is one move (its key kept until it lands). */
function MoveForm({ loan, kind }: { loan: Loan; kind: "repay" | "collateral" }) {
  const t = useTranslations("loans.mine");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const requestKey = useRef(crypto.randomUUID());
  const repay = useMutation(trpc.lending.repay.mutationOptions());
  const top = useMutation(trpc.lending.addCollateral.mutationOptions());
  const asset = kind === "repay" ? loan.loanAsset : loan.collateralAsset;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { loanId: loan.id, amount: amount.trim(), requestKey: requestKey.current };
    try {
      await (kind === "repay" ? repay : top).mutateAsync(input);
      requestKey.current = crypto.randomUUID();
      setDone(t(kind === "repay" ? "repaid" : "added", { amount: input.amount, asset }));
      setAmount("");
      void queryClient.invalidateQueries(trpc.lending.pathFilter());
      void queryClient.invalidateQueries(trpc.trading.balances.pathFilter());
    } catch (failure) {
      setError(errorText(failure as ApiErrorLike));
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex max-w-md flex-col gap-2"
      aria-label={t(kind === "repay" ? "repay" : "addCollateral")}
    >
      {done ? (
        <FormNotice>
          <span role="status">{done}</span>
        </FormNotice>
      ) : null}
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <TextField
            label={t(kind === "repay" ? "repayAmount" : "collateralAmount", { asset })}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            className="tabular-nums"
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setError(undefined);
              requestKey.current = crypto.randomUUID();
            }}
          />
        </div>
        {kind === "repay" ? (
          <button
            type="button"
            className={`${buttonClasses("ghost", "sm")} ${TOUCH}`}
            onClick={() => setAmount(loan.debt)}
          >
            {t("all")}
          </button>
        ) : null}
      </div>
      <div>
        <button type="submit" className={`${buttonClasses("primary", "sm")} ${TOUCH}`}>
          {t("confirm")}
        </button>
      </div>
    </form>
  );
}

/** One figure of a history step, left out when the step did not change it. */
function changePart(
  t: ReturnType<typeof useTranslations<"loans.mine">>,
  key: "principalPart" | "interestPart" | "collateralPart",
  change: string,
  asset: string,
): string | undefined {
  return /^-?0(\.0*)?$/.test(change) ? undefined : t(key, { amount: change, asset });
}

function LoanHistory({ loan }: { loan: Loan }) {
  const t = useTranslations("loans.mine");
  const format = useFormatter();
  const trpc = useTRPC();
  const history = useQuery({
    ...trpc.lending.history.queryOptions({ loanId: loan.id }),
    refetchInterval: usePrivatePollMs(),
  });
  if (history.isPending) return <PanelLoading>{t("loading")}</PanelLoading>;
  if (history.isError)
    return <PanelError error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <ol className="flex flex-col divide-y divide-line text-[13px]" data-testid="loan-history">
      {history.data.map((step) => (
        <li
          key={`${step.kind}-${step.at.getTime()}-${step.principal}`}
          className="flex flex-wrap justify-between gap-2 py-1.5"
        >
          <span className="font-medium text-ink">{t(`kind.${step.kind}`)}</span>
          <span className="tabular-nums text-ink-muted">
            {[
              changePart(t, "principalPart", step.principalChange, loan.loanAsset),
              changePart(t, "interestPart", step.interestChange, loan.loanAsset),
              changePart(t, "collateralPart", step.collateralChange, loan.collateralAsset),
              step.orderId !== null ? t("order", { id: step.orderId }) : undefined,
            ]
              .filter((part) => part !== undefined)
              .join(" · ")}
          </span>
          <time className="text-ink-muted" dateTime={step.at.toISOString()}>
            {format.dateTime(step.at, "dateTime")}
          </time>
          {step.fills.length > 0 ? (
            <ul className="w-full pl-3 text-ink-muted" data-testid="loan-fills">
              {step.fills.map((fill, i) => (
                // A fill has no id of its own here; its place in the order's fills is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={i} className="tabular-nums">
                  {t("fill", {
                    quantity: fill.quantity,
                    price: fill.price,
                    loanAsset: loan.loanAsset,
                    collateralAsset: loan.collateralAsset,
                  })}
                </li>
              ))}
            </ul>
          ) : null}
          {step.settlement ? (
            <p className="w-full font-medium text-ink tabular-nums" data-testid="loan-settlement">
              {t("settlement", {
                surplus: step.settlement.surplus,
                collateralReturned: step.settlement.collateralReturned,
                loanAsset: loan.loanAsset,
                collateralAsset: loan.collateralAsset,
              })}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
