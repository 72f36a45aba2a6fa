"use client";

import type { Order } from "@exchange/contracts/order";
import { Spinner, useToast } from "@exchange/ui";
import { useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { applyOrder, useRefreshAccount } from "./use-account-live";

/**
 * The open-orders table's inline amendment of one order: a new price and/or quantity (the total
 * ordered, what has filled included). It says what each change costs: a lower quantity keeps the
 * order's place in the queue, a new price (or more quantity) places it again at the back.
 */
export function AmendOrderRow({
  order,
  columns,
  onClose,
}: {
  order: Pick<Order, "orderId" | "symbol" | "price" | "quantity" | "working">;
  columns: number;
  onClose: () => void;
}) {
  const t = useTranslations("trade.account");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useErrorText();
  const refreshAccount = useRefreshAccount();
  const [price, setPrice] = useState(order.price ?? "");
  const [quantity, setQuantity] = useState(order.quantity ?? "");
  const [error, setError] = useState<string | null>(null);
  // The callbacks live on the mutation, not on `mutate`: a replaced order leaves the table (its
  // cancel is pushed live) and unmounts this row, often before the answer arrives, and callbacks
  // given to `mutate` would then never run, losing the toast.
  const amend = useMutation(
    trpc.trading.amendOrder.mutationOptions({
      onSuccess: (result) => {
        applyOrder(queryClient, trpc, result.order);
        refreshAccount();
        toast({
          tone: "success",
          title: result.keptPriority ? t("amendedKept") : t("amendedMoved"),
        });
        onClose();
      },
      onError: (failure) => setError(errorText(failure)),
    }),
  );
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes = {
      ...(price.trim() && price !== order.price ? { price: price.trim() } : {}),
      ...(quantity.trim() && quantity !== order.quantity ? { quantity: quantity.trim() } : {}),
    };
    amend.mutate({ symbol: order.symbol, orderId: order.orderId, ...changes });
  }

  return (
    <tr data-testid="amend-row" className="border-b border-line/60 bg-raised/40">
      <td colSpan={columns} className="px-2.5 py-2">
        <form
          onSubmit={submit}
          aria-label={t("amendTitle", { id: order.orderId })}
          className="flex flex-wrap items-end gap-2 text-xs"
        >
          <label className="flex flex-col gap-0.5" htmlFor={`${id}-price`}>
            <span className="text-ink-muted">{t("newPrice")}</span>
            <input
              id={`${id}-price`}
              inputMode="decimal"
              autoComplete="off"
              value={price}
              disabled={!order.working}
              onChange={(event) => setPrice(event.target.value.replace(",", "."))}
              className="h-7 w-28 rounded bg-canvas px-2 text-right text-ink tabular-nums ring-1 ring-line-strong ring-inset outline-none focus:ring-2 focus:ring-brand disabled:opacity-60 max-md:h-10"
            />
          </label>
          <label className="flex flex-col gap-0.5" htmlFor={`${id}-quantity`}>
            <span className="text-ink-muted">{t("newQuantity")}</span>
            <input
              id={`${id}-quantity`}
              inputMode="decimal"
              autoComplete="off"
              value={quantity}
              onChange={(event) => setQuantity(event.target.value.replace(",", "."))}
              className="h-7 w-28 rounded bg-canvas px-2 text-right text-ink tabular-nums ring-1 ring-line-strong ring-inset outline-none focus:ring-2 focus:ring-brand max-md:h-10"
            />
          </label>
          <button
            type="submit"
            disabled={amend.isPending}
            className="inline-flex h-7 items-center gap-1 rounded bg-brand px-3 font-semibold text-white hover:bg-brand-hover disabled:opacity-60 max-md:h-10"
          >
            {amend.isPending ? <Spinner /> : null}
            {t("amendSave")}
          </button>
          <button
            type="button"
            onClick={onClose}
            className="h-7 rounded px-2 font-medium text-ink-muted hover:text-ink max-md:h-10"
          >
            {t("amendClose")}
          </button>
          <p className="basis-full text-ink-muted whitespace-normal">{t("amendHint")}</p>
          {error ? (
            <p role="alert" className="basis-full text-down whitespace-normal">
              {error}
            </p>
          ) : null}
        </form>
      </td>
    </tr>
  );
}
