"use client";

import { buttonClasses, FormAlert, Spinner } from "@exchange/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";

type Mode = "idle" | "refuse" | "acknowledge";

function messageOf(error: unknown): string {
  const data = (error as { data?: { fieldErrors?: Record<string, string[]> } } | null)?.data;
  const field = data?.fieldErrors?.reason?.[0] ?? data?.fieldErrors?.note?.[0];
  if (field) return field;
  return error instanceof Error ? error.message : "The decision was not saved.";
}

/**
 * Finance's decision on one deposit: clear or refuse a held one, acknowledge a credited one
 * whose block was reorganised away. The server re-checks the role and the deposit's state and
 * audits the decision; this only saves a round trip.
 */
export function DepositActions({
  depositId,
  held,
  reorged,
}: {
  depositId: number;
  held: boolean;
  reorged: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("idle");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const clear = useMutation(trpc.finance.deposits.clear.mutationOptions());
  const refuse = useMutation(trpc.finance.deposits.refuse.mutationOptions());
  const acknowledge = useMutation(trpc.finance.deposits.acknowledgeReorg.mutationOptions());
  const busy = clear.isPending || refuse.isPending || acknowledge.isPending;
  const done = {
    onSuccess: () => {
      setMode("idle");
      setText("");
      router.refresh();
    },
    onError: (e: unknown) => setProblem(messageOf(e)),
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim().length < 3) return setProblem("Say why, in a few words.");
    setProblem(null);
    if (mode === "refuse") refuse.mutate({ id: depositId, reason: text }, done);
    else acknowledge.mutate({ id: depositId, note: text }, done);
  }

  if (mode !== "idle") {
    return (
      <form onSubmit={submit} noValidate className="flex min-w-64 flex-col gap-2 py-2">
        {problem ? <FormAlert>{problem}</FormAlert> : null}
        <input
          aria-label={mode === "refuse" ? "Reason for refusing" : "What finance did"}
          value={text}
          maxLength={500}
          onChange={(event) => setText(event.target.value)}
          placeholder={mode === "refuse" ? "Why is it refused?" : "What was done about it?"}
          className="h-8 rounded-md bg-canvas px-2.5 text-[13px] text-ink ring-1 ring-line-strong ring-inset outline-none focus:ring-2 focus:ring-brand"
        />
        <span className="flex gap-1.5">
          <button type="submit" disabled={busy} className={buttonClasses("secondary", "sm")}>
            {busy ? <Spinner /> : null}
            {mode === "refuse" ? "Refuse deposit" : "Acknowledge"}
          </button>
          <button
            type="button"
            onClick={() => setMode("idle")}
            className={buttonClasses("ghost", "sm")}
          >
            Cancel
          </button>
        </span>
      </form>
    );
  }
  return (
    <div className="flex flex-col items-end gap-1">
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      <span className="flex justify-end gap-1.5">
        {held ? (
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setProblem(null);
                clear.mutate({ id: depositId }, done);
              }}
              className="inline-flex h-7 items-center gap-1.5 rounded-md bg-up px-2.5 text-xs font-semibold text-white hover:bg-up/90 disabled:opacity-60"
            >
              {clear.isPending ? <Spinner /> : null}
              Clear
            </button>
            <button
              type="button"
              onClick={() => setMode("refuse")}
              className={buttonClasses("ghost", "sm")}
            >
              <span className="text-down">Refuse…</span>
            </button>
          </>
        ) : null}
        {reorged ? (
          <button
            type="button"
            onClick={() => setMode("acknowledge")}
            className={buttonClasses("secondary", "sm")}
          >
            Acknowledge…
          </button>
        ) : null}
      </span>
    </div>
  );
}
