import { canOpenSection } from "@exchange/api/client";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentStaff } from "@/auth";
import { ConsoleSidebar } from "@/components/console-sidebar";
import { TopBar } from "@/components/top-bar";
import { type BannerAlert, WalletAlertBanner } from "@/components/treasury/wallet-alert-banner";
import { adminApi } from "@/server/admin-api";

/**
 * The console frame: section navigation for the staff member's roles, who is logged in, and for
 * those who watch the hot wallet, a banner while any wallet alert is open.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  if (!staff) redirect("/login");
  const alerts = canOpenSection(staff.roles, "treasury") ? await openWalletAlerts() : [];
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <ConsoleSidebar roles={staff.roles} />
      <div className="flex min-h-dvh min-w-0 flex-col">
        <TopBar staff={staff} />
        <WalletAlertBanner alerts={alerts} />
        <main className="flex flex-1 flex-col">{children}</main>
      </div>
    </div>
  );
}

/** The open alerts; none when they cannot be read, so the console itself never fails on them. */
async function openWalletAlerts(): Promise<BannerAlert[]> {
  try {
    return await (await adminApi()).finance.treasury.openAlerts();
  } catch {
    return [];
  }
}
