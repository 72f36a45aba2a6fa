"use client";

import { decimal } from "@exchange/contracts/money";
import { buttonClasses, FormAlert, Spinner, useHydrated, useToast } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { AmountField, errorDataOf } from "@/components/trade/order-form";
import { useTRPC } from "@/trpc/react";
import { useFuturesAccount } from "./futures-context";
import { amountText } from "./futures-math";

type Direction = "toFutures" | "toSpot";

/** Opens the transfer between the spot balance and the futures wallet. */
export function TransferButton({ asset }: { asset: string }) {
  const t = useTranslations("futures.transfer");
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded px-1.5 py-0.5 font-medium text-brand ring-1 ring-line-strong ring-inset hover:text-brand-hover max-md:min-h-10"
      >
        {t("open")}
      </button>
      {/* In the page's body, not inside the order form: a form in a form does not submit. */}
      {open && hydrated
        ? createPortal(
            <dialog
              ref={(node) => {
                if (node && !node.open) node.showModal();
              }}
              onClose={() => setOpen(false)}
              aria-label={t("title")}
              className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg bg-raised p-0 text-ink shadow-2xl shadow-black/60 ring-1 ring-line-strong backdrop:bg-black/60"
            >
              <TransferForm asset={asset} onDone={() => setOpen(false)} />
            </dialog>,
            document.body,
          )
        : null}
    </>
  );
}

/**
 * Moves the settle asset between the spot balance and the futures wallet. The transfer's id is
 * made once per attempt and kept while the same transfer is retried, so a double submit or a
 * retry after a timeout moves the money once.
 */
function TransferForm({ asset, onDone }: { asset: string; onDone: () => void }) {
  const t = useTranslations("futures.transfer");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useErrorText();
  const headingId = useId();
  const [direction, setDirection] = useState<Direction>("toFutures");
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef<{ key: string; transferId: string } | null>(null);
  const balances = useQuery(trpc.trading.balances.queryOptions());
  const account = useFuturesAccount(true);
  const transfer = useMutation(trpc.futures.transfer.mutationOptions());
  const spot = balances.data?.find((b) => b.asset === asset)?.available ?? "0";
  const futures = account.data?.wallets.find((w) => w.asset === asset)?.balance ?? "0";
  const from = direction === "toFutures" ? spot : futures;

  function submit(event: FormEvent) {
    event.preventDefault();
    // React passes events up its own tree, portal or not: the order form is not submitted.
    event.stopPropagation();
    if (transfer.isPending) return;
    const value = amount.trim();
    if (!value || decimal(value).units <= 0n) {
      setError(t("amountNeeded"));
      return;
    }
    const key = `${direction}:${value}`;
    if (attempt.current?.key !== key) attempt.current = { key, transferId: crypto.randomUUID() };
    setError(null);
    transfer.mutate(
      { asset, amount: value, direction, transferId: attempt.current.transferId },
      {
        onSuccess: () => {
          attempt.current = null;
          void queryClient.invalidateQueries(trpc.futures.account.pathFilter());
          void queryClient.invalidateQueries(trpc.trading.balances.pathFilter());
          toast({
            tone: "success",
            title: t(direction === "toFutures" ? "doneToFutures" : "doneToSpot", {
              amount: value,
              asset,
            }),
          });
          onDone();
        },
        onError: (failure) => {
          const data = errorDataOf(failure);
          if (data?.appCode !== "ENGINE_UNAVAILABLE" && data !== undefined) attempt.current = null;
          setError(
            data?.appCode === "INSUFFICIENT_BALANCE"
              ? t(direction === "toFutures" ? "shortSpot" : "shortFutures", { asset })
              : errorText(failure),
          );
        },
      },
    );
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby={headingId}
      className="flex flex-col gap-4 p-5"
    >
      <h2 id={headingId} className="text-base font-semibold">
        {t("title")}
      </h2>
      <fieldset
        aria-label={t("direction")}
        className="grid grid-cols-2 gap-1 rounded-md bg-canvas p-0.5"
      >
        {(["toFutures", "toSpot"] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={direction === option}
            onClick={() => {
              setDirection(option);
              setError(null);
            }}
            className={`h-9 rounded text-[13px] font-medium max-md:h-10 ${
              direction === option
                ? "bg-raised text-ink ring-1 ring-line-strong"
                : "text-ink-faint hover:text-ink-muted"
            }`}
          >
            {t(option)}
          </button>
        ))}
      </fieldset>
      <dl className="grid grid-cols-2 gap-2 text-xs">
        <div className="rounded-md bg-canvas px-3 py-2">
          <dt className="text-ink-faint">{t("spot")}</dt>
          <dd data-testid="transfer-spot" className="font-medium tabular-nums">
            {amountText(decimal(spot))} {asset}
          </dd>
        </div>
        <div className="rounded-md bg-canvas px-3 py-2">
          <dt className="text-ink-faint">{t("futures")}</dt>
          <dd data-testid="transfer-futures" className="font-medium tabular-nums">
            {amountText(decimal(futures))} {asset}
          </dd>
        </div>
      </dl>
      <div className="flex flex-col gap-1">
        <AmountField
          label={t("amount")}
          unit={asset}
          value={amount}
          onChange={(text) => {
            setAmount(text);
            setError(null);
          }}
          errors={undefined}
        />
        <button
          type="button"
          onClick={() => setAmount(amountText(decimal(from)))}
          className="self-end text-xs font-medium text-brand hover:text-brand-hover max-md:min-h-10"
        >
          {t("all", { amount: amountText(decimal(from)), asset })}
        </button>
      </div>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onDone}
          className={`${buttonClasses("ghost", "sm")} max-md:h-10`}
        >
          {t("cancel")}
        </button>
        <button
          type="submit"
          disabled={transfer.isPending}
          className={`${buttonClasses("primary", "sm")} max-md:h-10`}
        >
          {transfer.isPending ? <Spinner /> : null}
          {t("confirm")}
        </button>
      </div>
    </form>
  );
}
