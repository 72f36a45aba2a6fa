import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentStaff } from "@/auth";
import { ConsoleSidebar } from "@/components/console-sidebar";
import { TopBar } from "@/components/top-bar";

/** The console frame: section navigation for the staff member's roles, and who is logged in. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  if (!staff) redirect("/login");
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <ConsoleSidebar roles={staff.roles} />
      <div className="flex min-h-dvh min-w-0 flex-col">
        <TopBar staff={staff} />
        <main className="flex flex-1 flex-col">{children}</main>
      </div>
    </div>
  );
}
