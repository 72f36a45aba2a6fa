import { buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * A list page's filters as a plain GET form: the URL holds the filter, so a view can be
 * bookmarked, shared and reloaded, and it works before any script has loaded.
 */
export function FilterBar({
  action,
  label,
  children,
}: {
  action: string;
  label: string;
  children: ReactNode;
}) {
  const t = useTranslations("common.filters");
  return (
    <form
      action={action}
      method="get"
      aria-label={label}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface px-4 py-3"
    >
      {children}
      <div className="ml-auto flex items-center gap-2">
        <Link href={action} className={`${buttonClasses("ghost", "sm")} min-h-10 sm:min-h-0`}>
          {t("reset")}
        </Link>
        <button type="submit" className={`${buttonClasses("primary", "sm")} min-h-10 sm:min-h-0`}>
          {t("apply")}
        </button>
      </div>
    </form>
  );
}

const CONTROL =
  "h-10 sm:h-8 rounded-md bg-canvas px-2.5 text-[13px] text-ink ring-1 ring-line-strong ring-inset outline-none hover:ring-ink-faint focus:ring-2 focus:ring-brand";

export function FilterSelect({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value: string;
  /** `code`: the label is (or shows) an identifier such as "user.login_failed", not words. */
  options: ReadonlyArray<{ value: string; label: string; code?: boolean }>;
}) {
  return (
    <label className="flex flex-col gap-1 text-[11px] font-medium tracking-wide text-ink-faint uppercase">
      {label}
      <select name={name} defaultValue={value} className={`${CONTROL} min-w-36 normal-case`}>
        {options.map((option) => (
          <option
            key={option.value}
            value={option.value}
            translate={option.code ? "no" : undefined}
          >
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterInput({
  label,
  name,
  value,
  type = "text",
  placeholder,
  width = "w-40",
}: {
  label: string;
  name: string;
  value: string;
  type?: "text" | "date" | "search";
  placeholder?: string;
  width?: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-[11px] font-medium tracking-wide text-ink-faint uppercase">
      {label}
      <input
        type={type}
        name={name}
        defaultValue={value}
        placeholder={placeholder}
        className={`${CONTROL} ${width} normal-case placeholder:text-ink-faint [color-scheme:dark]`}
      />
    </label>
  );
}
