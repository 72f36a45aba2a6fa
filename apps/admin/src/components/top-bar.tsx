import { LogOutButton } from "@exchange/ui";
import {
  isTimeZone,
  LocaleSwitcher,
  TIME_ZONE_COOKIE,
  timeZoneLabel,
  UTC_COOKIE,
} from "@exchange/ui/i18n";
import { cookies } from "next/headers";
import { useTranslations } from "next-intl";
import { getLocale } from "next-intl/server";
import { logOut } from "@/app/actions/session-actions";
import type { SessionStaff } from "@/lib/staff-roles";
import { HealthIndicator } from "./health-indicator";
import { RoleBadge } from "./role-badge";
import { TimeZoneSwitch } from "./time-zone-switch";

/** Who is at the console, with which powers, the language and zone of its times, and the way out. */
export async function TopBar({ staff }: { staff: SessionStaff }) {
  const [jar, locale] = await Promise.all([cookies(), getLocale()]);
  const zone = jar.get(TIME_ZONE_COOKIE)?.value;
  const localZone = isTimeZone(zone) ? timeZoneLabel(zone, locale) : undefined;
  return (
    <TopBarView staff={staff} utc={jar.get(UTC_COOKIE)?.value === "1"} localZone={localZone} />
  );
}

function TopBarView({
  staff,
  utc,
  localZone,
}: {
  staff: SessionStaff;
  utc: boolean;
  localZone: string | undefined;
}) {
  const t = useTranslations("common.topBar");
  const initials = staff.name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join("")
    .slice(0, 2);
  return (
    <header className="sticky top-0 z-10 flex min-h-14 flex-wrap items-center gap-x-4 gap-y-2 border-b border-line bg-canvas/90 px-4 py-2 backdrop-blur sm:px-6">
      <HealthIndicator />
      <div className="flex flex-wrap items-center gap-2">
        <TimeZoneSwitch utc={utc} localZone={localZone} />
        <LocaleSwitcher />
      </div>
      <div className="ml-auto flex min-w-0 items-center gap-3">
        <span
          aria-hidden="true"
          className="hidden size-8 place-items-center rounded-full bg-raised text-xs font-semibold text-ink uppercase ring-1 ring-line-strong sm:grid"
        >
          {initials}
        </span>
        <div className="flex min-w-0 flex-col leading-tight">
          <span
            className="truncate text-[13px] font-medium text-ink"
            data-testid="staff-name"
            translate="no"
          >
            {staff.name}
          </span>
          <span className="hidden truncate text-xs text-ink-faint xl:block">{staff.email}</span>
        </div>
        <ul className="hidden items-center gap-1 sm:flex" aria-label={t("roles")}>
          {staff.roles.map((role) => (
            <li key={role}>
              <RoleBadge role={role} />
            </li>
          ))}
        </ul>
        <span aria-hidden="true" className="h-6 w-px bg-line" />
        <LogOutButton logOut={logOut} />
      </div>
    </header>
  );
}
