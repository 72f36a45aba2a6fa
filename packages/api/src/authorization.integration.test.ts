import type { StaffRole } from "@exchange/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, Services } from "./context";
import { STAFF_SECTIONS, type StaffSection } from "./staff-sections";
import { callAdminApi, closeServices, staffActor, testServices } from "./testing/test-services";

let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => closeServices(services));

/** Every staff procedure, by the section whose roles guard it. */
const STAFF_PROCEDURES: Record<
  StaffSection,
  (api: ReturnType<typeof callAdminApi>) => Promise<unknown>
> = {
  kyc: (api) => api.kyc.queue(),
  withdrawals: (api) => api.withdrawals.queue(),
  products: (api) => api.products.list(),
  markets: (api) => api.markets.list(),
  reconciliation: (api) => api.reconciliation.list(),
  audit: (api) => api.audit.list({ limit: 10 }),
};

const ROLES: StaffRole[] = ["ADMIN", "COMPLIANCE", "FINANCE", "OPERATIONS"];

/** The matrix as the product defines it, written out so a change to the table shows up here. */
const EXPECTED: Record<StaffRole, StaffSection[]> = {
  ADMIN: ["kyc", "withdrawals", "products", "markets", "reconciliation", "audit"],
  COMPLIANCE: ["kyc", "audit"],
  FINANCE: ["withdrawals", "reconciliation"],
  OPERATIONS: ["products", "markets"],
};

async function staffIdFor(role: StaffRole): Promise<number> {
  const staff = await services.db.staff.findFirstOrThrow({ where: { roles: { has: role } } });
  return staff.id;
}

describe("staff procedures × roles", () => {
  const cases = ROLES.flatMap((role) =>
    (Object.keys(STAFF_SECTIONS) as StaffSection[]).map((section) => ({
      role,
      section,
      allowed: EXPECTED[role].includes(section),
    })),
  );

  it.each(cases)("$role on $section: allowed=$allowed", async ({ role, section, allowed }) => {
    const api = callAdminApi(services, staffActor(await staffIdFor(role), role));
    const call = STAFF_PROCEDURES[section](api);
    if (allowed) await expect(call).resolves.toBeDefined();
    else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  const outsiders: Array<[string, Actor]> = [
    ["an anonymous caller", { kind: "anonymous" }],
    ["a trader", { kind: "user", userId: 1 }],
  ];
  it.each(
    outsiders.flatMap(([who, actor]) =>
      (Object.keys(STAFF_SECTIONS) as StaffSection[]).map((section) => ({ who, actor, section })),
    ),
  )("$who cannot reach $section", async ({ actor, section }) => {
    await expect(STAFF_PROCEDURES[section](callAdminApi(services, actor))).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("answers staff `me` only to staff", async () => {
    const id = await staffIdFor("FINANCE");
    await expect(callAdminApi(services, staffActor(id, "FINANCE")).me()).resolves.toMatchObject({
      roles: ["FINANCE"],
    });
    await expect(callAdminApi(services, { kind: "user", userId: 1 }).me()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("refuses a deactivated staff member even with a role in the session", async () => {
    const staff = await services.db.staff.create({
      data: {
        email: `gone-${Date.now()}@exchange.local`,
        name: "Gone",
        passwordHash: "x",
        roles: ["ADMIN"],
        active: false,
      },
    });
    await expect(callAdminApi(services, staffActor(staff.id, "ADMIN")).me()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
