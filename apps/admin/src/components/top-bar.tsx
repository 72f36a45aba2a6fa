import { LogOutButton } from "@exchange/ui";
import { logOut } from "@/app/actions/session-actions";
import type { SessionStaff } from "@/lib/staff-roles";
import { HealthIndicator } from "./health-indicator";
import { RoleBadge } from "./role-badge";

/** Who is at the console, with which powers, and the way out. */
export function TopBar({ staff }: { staff: SessionStaff }) {
  const initials = staff.name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join("")
    .slice(0, 2);
  return (
    <header className="sticky top-0 z-10 flex h-14 items-center gap-4 border-b border-line bg-canvas/90 px-4 backdrop-blur sm:px-6">
      <HealthIndicator />
      <div className="ml-auto flex items-center gap-3">
        <span
          aria-hidden="true"
          className="grid size-8 place-items-center rounded-full bg-raised text-xs font-semibold text-ink uppercase ring-1 ring-line-strong"
        >
          {initials}
        </span>
        <div className="flex flex-col leading-tight">
          <span className="text-[13px] font-medium text-ink" data-testid="staff-name">
            {staff.name}
          </span>
          <span className="hidden text-xs text-ink-faint sm:block">{staff.email}</span>
        </div>
        <ul className="flex items-center gap-1" aria-label="Your roles">
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
