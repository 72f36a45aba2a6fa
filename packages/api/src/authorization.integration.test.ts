import type { StaffRole } from "@exchange/domains/identity/identity-enums";
import { openKycDocument } from "@exchange/domains/kyc/kyc-review";
import { submitKyc } from "@exchange/domains/kyc/kyc-submissions";
import { KYC_FIXTURE_FIELDS, kycFixtureFiles } from "@exchange/domains/testing/kyc-fixtures";
import { closeServices, staffActor, testServices } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi } from "./testing/callers";
import { adminRouter } from "./trpc/admin/router";
import type { Actor, Services } from "./trpc/context";

let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => closeServices(services));

type AdminApi = ReturnType<typeof callAdminApi>;

/** An id no row has: an allowed call gets past the guard and ends in NOT_FOUND, changing nothing. */
const MISSING_ID = 2_000_000_000;
const MISSING_UUID = "00000000-0000-4000-8000-000000000000";

/** A savings product's terms that pass the schema. */
/** A loan product's terms as the seed states them (80 / 85 / 83 / 82 %). */
const LOAN_TERMS = {
  name: "Matrix test",
  collateralAsset: "BTC",
  loanAsset: "USDT",
  initialLtvPercent: "80",
  warningLinePercent: "85",
  liquidationLinePercent: "83",
  effectiveLiquidationLinePercent: "82",
  liquidationFeePercent: "2",
  interestPeriod: "HOUR" as const,
  ratePercent: "0.002",
  termDays: 7 as const,
  minLoan: "100",
  maxLoan: "250000",
  kycLevel: 1,
};

const SAVINGS_TERMS = {
  name: "Matrix test",
  annualRatePercent: "5",
  termDays: 30,
  payoutPeriod: "MONTHLY",
  dailyQuota: "1000",
  minAmount: "1",
  maxAmount: "100",
  kycLevel: 0,
  earlyRedemption: "NOT_ALLOWED",
} as const;

/** A market's terms that pass the schema (of assets that do not exist). */
const MARKET_TERMS = {
  baseAsset: "NOPE",
  quoteAsset: "USDT",
  priceTick: "0.01",
  lotSize: "0.001",
  minQty: "0.001",
  maxQty: "1000",
  maxPrice: "1000000",
  minNotional: "1",
  maxNotional: "1000000",
  makerFeeRate: "0.001",
  takerFeeRate: "0.002",
} as const;

/**
 * Every admin procedure and who may call it. `public`: anyone; `staff`: any logged-in staff
 * member; otherwise exactly the roles listed (ADMIN is listed where it passes, so the table
 * says it outright). A procedure added to adminRouter without a row here fails the
 * completeness test below: add its row, with a call that changes nothing when allowed.
 */
const PROCEDURES: Array<{
  path: string;
  access: "public" | "staff" | readonly StaffRole[];
  call: (api: AdminApi) => Promise<unknown>;
}> = [
  { path: "health", access: "public", call: (api) => api.health() },
  { path: "me", access: "staff", call: (api) => api.me() },
  { path: "kyc.queue", access: ["ADMIN", "COMPLIANCE"], call: (api) => api.kyc.queue() },
  {
    path: "kyc.submission",
    access: ["ADMIN", "COMPLIANCE"],
    call: (api) => api.kyc.submission({ id: MISSING_ID }),
  },
  // Deciding on identity is compliance's alone: ADMIN without COMPLIANCE is refused.
  {
    path: "kyc.approve",
    access: ["COMPLIANCE"],
    call: (api) => api.kyc.approve({ id: MISSING_ID }),
  },
  {
    path: "kyc.reject",
    access: ["COMPLIANCE"],
    call: (api) => api.kyc.reject({ id: MISSING_ID, reason: "Blurred document photo." }),
  },
  { path: "users.search", access: ["ADMIN", "COMPLIANCE"], call: (api) => api.users.search({}) },
  {
    path: "users.profile",
    access: ["ADMIN", "COMPLIANCE"],
    call: (api) => api.users.profile({ id: MISSING_ID }),
  },
  {
    path: "users.suspend",
    access: ["ADMIN", "COMPLIANCE"],
    call: (api) => api.users.suspend({ id: MISSING_ID, reason: "Matrix test, no such user." }),
  },
  {
    path: "users.apiKeys.list",
    access: ["ADMIN", "COMPLIANCE"],
    call: (api) => api.users.apiKeys.list({ userId: MISSING_ID }),
  },
  {
    path: "users.apiKeys.revoke",
    access: ["ADMIN", "COMPLIANCE"],
    call: (api) =>
      api.users.apiKeys.revoke({ userId: MISSING_ID, id: MISSING_ID, reason: "Matrix test." }),
  },
  {
    path: "users.timeline",
    access: ["ADMIN", "COMPLIANCE"],
    call: (api) => api.users.timeline({ userId: MISSING_ID }),
  },
  {
    path: "users.restrictions.list",
    access: ["ADMIN", "COMPLIANCE"],
    call: (api) => api.users.restrictions.list({ userId: MISSING_ID }),
  },
  {
    path: "users.restrictions.set",
    access: ["ADMIN", "COMPLIANCE"],
    call: (api) =>
      api.users.restrictions.set({ userId: MISSING_ID, kind: "TRADING", reason: "Matrix test." }),
  },
  {
    path: "users.restrictions.lift",
    access: ["ADMIN", "COMPLIANCE"],
    call: (api) =>
      api.users.restrictions.lift({ userId: MISSING_ID, kind: "TRADING", reason: "Matrix test." }),
  },
  {
    path: "withdrawals.queue",
    access: ["ADMIN", "FINANCE"],
    call: (api) => api.withdrawals.queue(),
  },
  {
    path: "finance.deposits.list",
    access: ["ADMIN", "FINANCE"],
    call: (api) => api.finance.deposits.list({}),
  },
  // Deciding on a deposit or a withdrawal is finance's alone: ADMIN without FINANCE is refused.
  {
    path: "finance.deposits.clear",
    access: ["FINANCE"],
    call: (api) => api.finance.deposits.clear({ id: MISSING_ID }),
  },
  {
    path: "finance.deposits.refuse",
    access: ["FINANCE"],
    call: (api) => api.finance.deposits.refuse({ id: MISSING_ID, reason: "Matrix test." }),
  },
  {
    path: "finance.deposits.acknowledgeReorg",
    access: ["FINANCE"],
    call: (api) => api.finance.deposits.acknowledgeReorg({ id: MISSING_ID, note: "Matrix test." }),
  },
  {
    path: "withdrawals.detail",
    access: ["ADMIN", "FINANCE"],
    call: (api) => api.withdrawals.detail({ id: MISSING_UUID }),
  },
  {
    path: "withdrawals.approve",
    access: ["FINANCE"],
    call: (api) => api.withdrawals.approve({ id: MISSING_UUID }),
  },
  {
    path: "withdrawals.reject",
    access: ["FINANCE"],
    call: (api) =>
      api.withdrawals.reject({ id: MISSING_UUID, reason: "Matrix test, no such one." }),
  },
  // The hot wallet is finance's: compliance and operations are refused its balances and alerts.
  {
    path: "finance.treasury.overview",
    access: ["ADMIN", "FINANCE"],
    call: (api) => api.finance.treasury.overview({}),
  },
  {
    path: "finance.treasury.openAlerts",
    access: ["ADMIN", "FINANCE"],
    call: (api) => api.finance.treasury.openAlerts(),
  },
  {
    path: "savings.products.list",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.savings.products.list(),
  },
  // No such asset: past the guard, refused by the service, nothing created.
  {
    path: "savings.products.create",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.savings.products.create({ ...SAVINGS_TERMS, asset: "NOPE" }),
  },
  {
    path: "savings.products.revise",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.savings.products.revise({ ...SAVINGS_TERMS, id: MISSING_ID }),
  },
  {
    path: "savings.products.setStatus",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.savings.products.setStatus({ id: MISSING_ID, status: "PAUSED" }),
  },
  {
    path: "savings.products.versions",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.savings.products.versions({ id: MISSING_ID }),
  },
  {
    path: "savings.instances.list",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.savings.instances.list({ from: "2001-01-01", to: "2001-01-31" }),
  },
  // A month long over: past the guard, nothing to generate.
  {
    path: "savings.instances.generate",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.savings.instances.generate({ month: "2001-01" }),
  },
  { path: "markets.list", access: ["ADMIN", "OPERATIONS"], call: (api) => api.markets.list() },
  // Allowed calls name assets and markets that do not exist: NOT_FOUND or INVALID_INPUT, no change.
  {
    path: "markets.create",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.markets.create({ ...MARKET_TERMS, baseAsset: "NOPE" }),
  },
  {
    path: "markets.createContract",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) =>
      api.markets.createContract({
        ...MARKET_TERMS,
        quoteAsset: "USDT",
        maxLeverage: 20,
        riskTiers: [{ maxNotional: "50000", maintenanceRate: "0.01", maxLeverage: 20 }],
      }),
  },
  {
    path: "markets.createAsset",
    access: ["ADMIN", "OPERATIONS"],
    // Half a unit of an asset with no decimals: refused before the engine is asked.
    call: (api) =>
      api.markets.createAsset({ code: "MATRIX", name: "Matrix", precision: 0, maxAmount: "0.5" }),
  },
  {
    path: "markets.setAssetStatus",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) =>
      api.markets.setAssetStatus({ code: "NOPE", status: "DISABLED", reason: "matrix check" }),
  },
  {
    path: "markets.setStatus",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.markets.setStatus({ symbol: "NOPEUSDT", status: "HALTED" }),
  },
  {
    path: "markets.scheduleStatus",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) =>
      api.markets.scheduleStatus({
        symbol: "NOPEUSDT",
        status: "HALTED",
        runAt: new Date(Date.now() + 3_600_000),
      }),
  },
  {
    path: "markets.cancelScheduled",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.markets.cancelScheduled({ id: MISSING_UUID }),
  },
  {
    path: "markets.statusChanges",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.markets.statusChanges(),
  },
  { path: "fees.schedule", access: ["ADMIN", "OPERATIONS"], call: (api) => api.fees.schedule() },
  // Allowed callers are refused a tier 1 that needs no more volume than tier 0: nothing is sent.
  {
    path: "fees.setTier",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) =>
      api.fees.setTier({
        tier: 1,
        minVolume: "0",
        makerScalePercent: "50",
        takerScalePercent: "50",
      }),
  },
  { path: "fees.users", access: ["ADMIN", "OPERATIONS"], call: (api) => api.fees.users() },
  {
    path: "fees.setOverride",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.fees.setOverride({ userId: MISSING_ID, tier: 0, reason: "Matrix test." }),
  },
  {
    path: "fees.clearOverride",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.fees.clearOverride({ userId: MISSING_ID, reason: "Matrix test." }),
  },
  {
    path: "fees.income",
    access: ["ADMIN", "FINANCE", "OPERATIONS"],
    call: (api) => api.fees.income({ from: "2026-01-01", to: "2026-01-31" }),
  },
  {
    path: "savings.subscriptions.list",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.savings.subscriptions.list({}),
  },
  {
    path: "savings.subscriptions.detail",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.savings.subscriptions.detail({ id: MISSING_UUID }),
  },
  {
    path: "savings.payouts.list",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.savings.payouts.list({}),
  },
  // Allowed callers get past the guard and are refused the far-off day: nothing is queued.
  {
    path: "savings.payouts.run",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.savings.payouts.run({ asOf: "2999-01-01" }),
  },
  { path: "savings.pool", access: ["ADMIN", "OPERATIONS"], call: (api) => api.savings.pool() },
  // Lending: allowed callers get past the guard and are refused for the missing asset, product
  // or too large a defund; nothing is written and nothing moves.
  {
    path: "lending.products.list",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.lending.products.list(),
  },
  {
    path: "lending.products.get",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.lending.products.get({ id: MISSING_ID }),
  },
  {
    path: "lending.products.create",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.lending.products.create({ ...LOAN_TERMS, collateralAsset: "NOPE" }),
  },
  {
    path: "lending.products.revise",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.lending.products.revise({ ...LOAN_TERMS, id: MISSING_ID }),
  },
  {
    path: "lending.products.setEnabled",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.lending.products.setEnabled({ id: MISSING_ID, enabled: false }),
  },
  {
    path: "lending.products.versions",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.lending.products.versions({ id: MISSING_ID }),
  },
  {
    path: "lending.pool.list",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.lending.pool.list(),
  },
  {
    path: "lending.pool.fund",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) =>
      api.lending.pool.fund({ requestId: crypto.randomUUID(), asset: "NOPE", amount: "1" }),
  },
  {
    path: "lending.pool.defund",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) =>
      api.lending.pool.defund({ requestId: crypto.randomUUID(), asset: "USDT", amount: "1" }),
  },
  {
    path: "lending.pool.insurance",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.lending.pool.insurance(),
  },
  {
    path: "lending.loans.list",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.lending.loans.list(),
  },
  {
    path: "lending.loans.detail",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.lending.loans.detail({ loanId: MISSING_UUID }),
  },
  {
    path: "lending.loans.approveBelowBankruptcy",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.lending.loans.approveBelowBankruptcy({ loanId: MISSING_UUID }),
  },
  // The futures risk view: read-only, operations and finance.
  {
    path: "derivatives.risk.contracts",
    access: ["ADMIN", "FINANCE", "OPERATIONS"],
    call: (api) => api.derivatives.risk.contracts(),
  },
  {
    path: "derivatives.risk.positions",
    access: ["ADMIN", "FINANCE", "OPERATIONS"],
    call: (api) => api.derivatives.risk.positions({ symbol: "BTCUSDT-PERP" }),
  },
  {
    path: "derivatives.risk.liquidations",
    access: ["ADMIN", "FINANCE", "OPERATIONS"],
    call: (api) => api.derivatives.risk.liquidations({}),
  },
  {
    path: "derivatives.risk.liquidation",
    access: ["ADMIN", "FINANCE", "OPERATIONS"],
    call: (api) => api.derivatives.risk.liquidation({ id: String(MISSING_ID) }),
  },
  {
    path: "derivatives.risk.insurance",
    access: ["ADMIN", "FINANCE", "OPERATIONS"],
    call: (api) => api.derivatives.risk.insurance(),
  },
  {
    path: "derivatives.risk.funding",
    access: ["ADMIN", "FINANCE", "OPERATIONS"],
    call: (api) => api.derivatives.risk.funding({ symbol: "NOPEUSDT-PERP" }),
  },
  {
    path: "reconciliation.list",
    access: ["ADMIN", "FINANCE"],
    call: (api) => api.reconciliation.list(),
  },
  {
    path: "audit.list",
    access: ["ADMIN", "COMPLIANCE"],
    call: (api) => api.audit.list({ limit: 10 }),
  },
  {
    path: "audit.vocabulary",
    access: ["ADMIN", "COMPLIANCE"],
    call: (api) => api.audit.vocabulary(),
  },
  // The System page is operations': finance and compliance have their own sections.
  {
    path: "system.overview",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.system.overview(),
  },
  {
    path: "system.alerts.acknowledge",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.system.alerts.acknowledge({ id: MISSING_ID }),
  },
  {
    path: "system.alerts.resolve",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.system.alerts.resolve({ id: MISSING_ID }),
  },
  { path: "staff.list", access: ["ADMIN"], call: (api) => api.staff.list() },
  // Announcements: operations. An allowed create is refused for its window (end before start)
  // and an end names no announcement: nothing is published or ended.
  {
    path: "announcements.list",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.announcements.list(),
  },
  {
    path: "announcements.create",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) =>
      api.announcements.create({
        titleEn: "Matrix",
        bodyEn: "Never shown.",
        startsAt: new Date("2030-01-02T00:00:00Z"),
        endsAt: new Date("2030-01-01T00:00:00Z"),
      }),
  },
  {
    path: "announcements.end",
    access: ["ADMIN", "OPERATIONS"],
    call: (api) => api.announcements.end({ id: MISSING_ID }),
  },
  {
    path: "staff.createEnrolmentLink",
    access: ["ADMIN"],
    call: (api) => api.staff.createEnrolmentLink({ staffId: MISSING_ID }),
  },
  // Staff management: administrators only. Allowed calls name no member (NOT_FOUND) or, for
  // the invitation, an address staff already has (refused as taken): nothing changes.
  {
    path: "staff.invite",
    access: ["ADMIN"],
    call: (api) =>
      api.staff.invite({ email: "admin@exchange.local", name: "Matrix", roles: ["FINANCE"] }),
  },
  {
    path: "staff.resendInvite",
    access: ["ADMIN"],
    call: (api) => api.staff.resendInvite({ staffId: MISSING_ID }),
  },
  {
    path: "staff.withdrawInvite",
    access: ["ADMIN"],
    call: (api) => api.staff.withdrawInvite({ staffId: MISSING_ID }),
  },
  {
    path: "staff.setRoles",
    access: ["ADMIN"],
    call: (api) => api.staff.setRoles({ staffId: MISSING_ID, roles: ["FINANCE"] }),
  },
  {
    path: "staff.setActive",
    access: ["ADMIN"],
    call: (api) => api.staff.setActive({ staffId: MISSING_ID, active: false }),
  },
  {
    path: "staff.twoFactorResets.list",
    access: ["ADMIN"],
    call: (api) => api.staff.twoFactorResets.list(),
  },
  {
    path: "staff.twoFactorResets.request",
    access: ["ADMIN"],
    call: (api) =>
      api.staff.twoFactorResets.request({ staffId: MISSING_ID, reason: "Matrix test." }),
  },
  {
    path: "staff.twoFactorResets.approve",
    access: ["ADMIN"],
    call: (api) => api.staff.twoFactorResets.approve({ id: MISSING_ID }),
  },
  {
    path: "staff.twoFactorResets.reject",
    access: ["ADMIN"],
    call: (api) => api.staff.twoFactorResets.reject({ id: MISSING_ID }),
  },
];

const ROLES: StaffRole[] = ["ADMIN", "COMPLIANCE", "FINANCE", "OPERATIONS"];
const GUARD_CODES = ["FORBIDDEN", "UNAUTHORIZED"];

async function staffIdFor(role: StaffRole): Promise<number> {
  const staff = await services.db.staff.findFirstOrThrow({
    where: { roles: { equals: [role] }, active: true },
  });
  return staff.id;
}

/** Passed the guard: answered, or refused for a reason other than who is asking. */
async function expectAllowed(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: { code?: string }) => e,
  );
  if (error) expect(GUARD_CODES).not.toContain(error.code);
}

function allows(access: (typeof PROCEDURES)[number]["access"], role: StaffRole): boolean {
  return access === "public" || access === "staff" || access.includes(role);
}

describe("admin procedures × callers", () => {
  it("has a row for every admin procedure", () => {
    const paths = Object.keys(adminRouter._def.procedures).sort();
    expect(PROCEDURES.map((p) => p.path).sort()).toEqual(paths);
  });

  const staffCases = PROCEDURES.flatMap(({ path, access, call }) =>
    ROLES.map((role) => ({ path, role, call, allowed: allows(access, role) })),
  );
  it.each(staffCases)("$role → $path: allowed=$allowed", async ({ role, call, allowed }) => {
    const api = callAdminApi(services, staffActor(await staffIdFor(role), role));
    if (allowed) await expectAllowed(call(api));
    else await expect(call(api)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  const outsiders: Array<[string, Actor]> = [
    ["an anonymous caller", { kind: "anonymous" }],
    ["a trader", { kind: "user", userId: 1 }],
  ];
  const outsiderCases = outsiders.flatMap(([who, actor]) =>
    PROCEDURES.map(({ path, access, call }) => ({ who, actor, path, access, call })),
  );
  it.each(outsiderCases)("$who → $path", async ({ actor, access, call }) => {
    const api = callAdminApi(services, actor);
    if (access === "public") await expectAllowed(call(api));
    else await expect(call(api)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
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

/**
 * The admin app's document route (apps/admin …/api/kyc/documents/[id]) serves exactly what
 * `openKycDocument` allows: COMPLIANCE only, not even ADMIN alone.
 */
describe("identity documents × callers", () => {
  let documentId: number;
  beforeAll(async () => {
    const user = await createTestUser(services.db, { tag: "docs", kycLevel: 0 });
    const submission = await submitKyc(services, user.id, {
      fields: KYC_FIXTURE_FIELDS,
      files: kycFixtureFiles(),
    });
    const document = await services.db.kycDocument.findFirstOrThrow({
      where: { submissionId: submission.id },
    });
    documentId = document.id;
  });

  const cases: Array<{ who: string; actor: () => Promise<Actor>; code?: string }> = [
    {
      who: "COMPLIANCE",
      actor: async () => staffActor(await staffIdFor("COMPLIANCE"), "COMPLIANCE"),
    },
    {
      who: "ADMIN",
      actor: async () => staffActor(await staffIdFor("ADMIN"), "ADMIN"),
      code: "FORBIDDEN",
    },
    {
      who: "FINANCE",
      actor: async () => staffActor(await staffIdFor("FINANCE"), "FINANCE"),
      code: "FORBIDDEN",
    },
    {
      who: "OPERATIONS",
      actor: async () => staffActor(await staffIdFor("OPERATIONS"), "OPERATIONS"),
      code: "FORBIDDEN",
    },
    { who: "a trader", actor: async () => ({ kind: "user", userId: 1 }), code: "UNAUTHENTICATED" },
    {
      who: "an anonymous caller",
      actor: async () => ({ kind: "anonymous" }),
      code: "UNAUTHENTICATED",
    },
  ];
  it.each(cases)("$who → document: refused=$code", async ({ actor, code }) => {
    const opening = openKycDocument(services, await actor(), documentId);
    if (code) {
      await expect(opening).rejects.toMatchObject({ code });
    } else {
      const opened = await opening;
      const bytes = new Uint8Array(await new Response(opened.stream).arrayBuffer());
      expect(bytes.length).toBe(opened.sizeBytes);
      expect(opened.contentType).toMatch(/^image\//);
    }
  });
});

/**
 * An applicant's personal data (legal name, date of birth, document number) reaches compliance
 * only, like the documents: ADMIN alone sees the submission's status, country and document type,
 * and these fields as null, in the queue, the submission and the user's profile.
 */
describe("KYC personal data × staff roles", () => {
  let submissionId: number;
  let userId: number;
  beforeAll(async () => {
    const user = await createTestUser(services.db, { tag: "personal", kycLevel: 0 });
    userId = user.id;
    const submission = await submitKyc(services, user.id, {
      fields: KYC_FIXTURE_FIELDS,
      files: kycFixtureFiles(),
    });
    submissionId = submission.id;
  });

  async function personalDataSeenBy(role: StaffRole) {
    const api = callAdminApi(services, staffActor(await staffIdFor(role), role));
    const submission = await api.kyc.submission({ id: submissionId });
    const queue = await api.kyc.queue({ status: "PENDING", pageSize: 200 });
    const row = queue.rows.find((r) => r.id === submissionId);
    const profile = await api.users.profile({ id: userId });
    const summary = profile.kycSubmissions.find((s) => s.id === submissionId);
    return {
      submission: [submission.legalName, submission.dateOfBirth, submission.documentNumber],
      queueName: row?.legalName,
      profileName: summary?.legalName,
      stillSeen: [submission.country, submission.documentType, row?.id, summary?.status],
    };
  }

  it("shows them to compliance", async () => {
    const seen = await personalDataSeenBy("COMPLIANCE");
    expect(seen.submission).toEqual([
      KYC_FIXTURE_FIELDS.legalName,
      new Date(`${KYC_FIXTURE_FIELDS.dateOfBirth}T00:00:00Z`),
      KYC_FIXTURE_FIELDS.documentNumber,
    ]);
    expect(seen.queueName).toBe(KYC_FIXTURE_FIELDS.legalName);
    expect(seen.profileName).toBe(KYC_FIXTURE_FIELDS.legalName);
  });

  it("hides them from ADMIN without COMPLIANCE (no name, birth date or document number leaks to an administrator)", async () => {
    const seen = await personalDataSeenBy("ADMIN");
    expect(seen.submission).toEqual([null, null, null]);
    expect(seen.queueName).toBeNull();
    expect(seen.profileName).toBeNull();
    expect(seen.stillSeen).toEqual([
      KYC_FIXTURE_FIELDS.country,
      KYC_FIXTURE_FIELDS.documentType,
      submissionId,
      "PENDING",
    ]);
  });
});
