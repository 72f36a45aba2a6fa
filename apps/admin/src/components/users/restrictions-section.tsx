"use client";

import { buttonClasses } from "@exchange/ui";
import { DateTime } from "@exchange/ui/i18n";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeRestrictionAction, type RestrictionState } from "@/app/actions/user-actions";

type Kind = "TRADING" | "WITHDRAWALS" | "LOGIN";

export interface RestrictionInForce {
  kind: Kind;
  reason: string | null;
  since: Date | null;
}

/**
 * The trader's restrictions, each on a row of its own: in force (since when, why) with a form to
 * lift it, or not in force with a form to set it. Log-in suspension is set by the suspend form
 * above; here it can only be lifted.
 */
export function RestrictionsSection({
  userId,
  inForce,
}: {
  userId: number;
  inForce: readonly RestrictionInForce[];
}) {
  const kinds: Kind[] = ["TRADING", "WITHDRAWALS", "LOGIN"];
  return (
    <ul className="flex flex-col gap-2">
      {kinds.map((kind) => {
        const current = inForce.find((r) => r.kind === kind);
        if (kind === "LOGIN" && !current) return null;
        return <RestrictionRow key={kind} userId={userId} kind={kind} current={current} />;
      })}
    </ul>
  );
}

function RestrictionRow({
  userId,
  kind,
  current,
}: {
  userId: number;
  kind: Kind;
  current: RestrictionInForce | undefined;
}) {
  const t = useTranslations("users.restrictions");
  const [state, action, pending] = useActionState<RestrictionState, FormData>(
    changeRestrictionAction,
    {},
  );
  const change = current ? "lift" : "set";
  const formName = t(`${kind}.${change}`);
  return (
    <li
      data-testid={`restriction-${kind}`}
      className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3"
    >
      <p className="text-[13px] text-ink">
        <span className="font-semibold">{t(`${kind}.name`)}</span>
        {": "}
        {current ? (
          <span className="text-down">
            {t("inForce")}
            {current.since ? (
              <>
                {" · "}
                <DateTime at={current.since} format="dateTime" />
              </>
            ) : null}
            {current.reason ? ` · ${current.reason}` : null}
          </span>
        ) : (
          <span className="text-ink-muted">{t("notInForce")}</span>
        )}
      </p>
      <form action={action} aria-label={formName} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="change" value={change} />
        <label className="flex min-w-0 flex-1 basis-72 flex-col gap-1 text-xs text-ink-muted">
          {t("reason")}
          <input
            name="reason"
            required
            minLength={3}
            maxLength={500}
            className="h-10 rounded-md bg-raised px-2.5 text-[13px] text-ink ring-1 ring-line ring-inset focus:ring-2 focus:ring-brand focus:outline-none"
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className={`${buttonClasses("secondary", "md")} min-h-10 ${current ? "" : "text-down! hover:bg-raised!"}`}
        >
          {formName}
        </button>
        {state.error ? (
          <span role="alert" className="w-full text-xs text-down">
            {state.error}
          </span>
        ) : null}
      </form>
    </li>
  );
}
