"use client";

import { useTranslations } from "next-intl";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

/** What a toast is about: the colour of its edge and its icon. */
export type ToastTone = "success" | "error" | "info";

export interface ToastInput {
  tone?: ToastTone;
  title: string;
  description?: ReactNode;
  /** How long it stays; errors stay until dismissed when 0. */
  durationMs?: number;
}

interface Toast extends Required<Omit<ToastInput, "description">> {
  id: number;
  description?: ReactNode;
}

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

const DEFAULT_DURATION_MS = 4_000;
const MAX_TOASTS = 4;

const TONE_LOOK: Record<ToastTone, { ring: string; dot: string }> = {
  success: { ring: "ring-up/40", dot: "bg-up" },
  error: { ring: "ring-down/40", dot: "bg-down" },
  info: { ring: "ring-brand/40", dot: "bg-brand" },
};

let nextId = 1;

/**
 * Brief confirmations in a corner of the screen ("Order placed"), announced politely to screen
 * readers. Wrap the app once; call `useToast()` anywhere below.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useTranslations("ui.toaster");
  const [toasts, setToasts] = useState<Toast[]>([]);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      const toast: Toast = {
        id: nextId++,
        tone: input.tone ?? "info",
        title: input.title,
        description: input.description,
        durationMs: input.durationMs ?? DEFAULT_DURATION_MS,
      };
      setToasts((current) => [...current.slice(-(MAX_TOASTS - 1)), toast]);
      if (toast.durationMs > 0) setTimeout(() => dismiss(toast.id), toast.durationMs);
    },
    [dismiss],
  );

  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section
        aria-label={t("region")}
        aria-live="polite"
        className="pointer-events-none fixed right-4 bottom-12 z-50 flex w-[min(22rem,calc(100vw-2rem))] flex-col gap-2"
      >
        {toasts.map((toast) => {
          const look = TONE_LOOK[toast.tone];
          return (
            <div
              key={toast.id}
              role="status"
              data-testid="toast"
              className={`pointer-events-auto flex items-start gap-3 rounded-md bg-raised px-3 py-2.5 shadow-lg shadow-black/40 ring-1 ${look.ring}`}
            >
              <span
                aria-hidden="true"
                className={`mt-1.5 size-2 shrink-0 rounded-full ${look.dot}`}
              />
              <div className="min-w-0 flex-1">
                <p className="text-[13px] font-medium text-ink">{toast.title}</p>
                {toast.description ? (
                  <div className="mt-0.5 text-xs text-ink-muted tabular-nums">
                    {toast.description}
                  </div>
                ) : null}
              </div>
              <button
                type="button"
                onClick={() => dismiss(toast.id)}
                // 40 px square for a thumb, drawn into the toast's padding.
                className="-my-2.5 -mr-3 grid size-10 shrink-0 place-items-center rounded text-ink-faint hover:text-ink"
              >
                <span className="sr-only">{t("dismiss")}</span>
                <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
                  <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                </svg>
              </button>
            </div>
          );
        })}
      </section>
    </ToastContext.Provider>
  );
}

/** Shows a toast. Outside a `ToastProvider` it does nothing (e.g. in an isolated test). */
export function useToast(): (toast: ToastInput) => void {
  return useContext(ToastContext) ?? noop;
}

function noop(): void {}
