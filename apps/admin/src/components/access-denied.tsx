import type { StaffSection } from "@exchange/api/client";
import { STAFF_SECTIONS } from "@exchange/api/client";
import { buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { currentStaff } from "@/auth";

/** The 403 page of a section: says which section, which roles open it, and the way back. */
export async function AccessDenied({ section }: { section: StaffSection }) {
  const [staff, t, nav, format] = await Promise.all([
    currentStaff(),
    getTranslations("common"),
    getTranslations("nav"),
    getFormatter(),
  ]);
  const title = nav(`sections.${section}.title`);
  const allowed = ["ADMIN" as const, ...STAFF_SECTIONS[section].roles].map((r) => t(`roles.${r}`));
  const held = staff?.roles.length
    ? format.list(
        staff.roles.map((r) => t(`roles.${r}`)),
        { type: "unit" },
      )
    : t("accessDenied.none");
  return (
    <div className="flex flex-1 items-center justify-center px-4 py-20">
      <section className="flex max-w-md flex-col items-center gap-4 text-center">
        <span className="grid size-12 place-items-center rounded-full bg-down/10 text-down ring-1 ring-down/25">
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            className="size-6"
            aria-hidden="true"
          >
            <path
              strokeLinecap="round"
              strokeLinejoin="round"
              d="M16.5 10.5V6.75a4.5 4.5 0 1 0-9 0v3.75m-.75 11.25h10.5a2.25 2.25 0 0 0 2.25-2.25v-6.75a2.25 2.25 0 0 0-2.25-2.25H6.75a2.25 2.25 0 0 0-2.25 2.25v6.75a2.25 2.25 0 0 0 2.25 2.25Z"
            />
          </svg>
        </span>
        <p className="text-xs font-semibold tracking-wider text-down tabular-nums">
          {t("accessDenied.eyebrow")}
        </p>
        <h1 className="text-xl font-semibold tracking-tight text-ink">
          {t("accessDenied.title", { section: title })}
        </h1>
        <p className="text-[13px] text-ink-muted">
          {t("accessDenied.body", {
            section: title,
            allowed: format.list(allowed, { type: "conjunction" }),
            held,
          })}
        </p>
        <Link href="/" className={`${buttonClasses("secondary", "md")} min-h-10`}>
          {t("accessDenied.back")}
        </Link>
      </section>
    </div>
  );
}
