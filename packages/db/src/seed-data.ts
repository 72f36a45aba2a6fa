import type { StaffRole } from "./generated/prisma/client";

/**
 * Reference data and demo accounts for development and tests. Passwords here are for local
 * use only and are printed by the seed; a production deployment creates its own staff.
 */
export const SEED_ASSETS = [
  // maxAmount: the most one user may hold (deposits, transfers, adjustments), in whole units.
  { code: "BTC", name: "Bitcoin", precision: 8, maxAmount: "1000000" },
  { code: "ETH", name: "Ether", precision: 8, maxAmount: "100000000" },
  // 8 places, not the token's 6 on chain: one BTC lot (0.00001) at one tick (0.01) is 0.0000001
  // USDT, and the engine needs every trade's value to be a whole number of atoms.
  { code: "USDT", name: "Tether USD", precision: 8, maxAmount: "1000000000000" },
] as const;

/**
 * The local development chain's assets (`evm-local`: the Hardhat node of dev and the tests). The
 * token's contract address is not here: the chain node's start deploys the token and records
 * its address (scripts/lib/chain-node.ts) once the seed has run.
 */
export const SEED_CHAIN_ASSETS = [
  {
    chainKey: "evm-local",
    assetCode: "ETH",
    kind: "NATIVE",
    decimals: 18,
    confirmations: 3,
    minDeposit: "0.001",
    largeDeposit: "100",
    minWithdrawal: "0.001",
    withdrawalFeeFloor: "0.0001",
    autoApproveMax: "0.5",
    dualApprovalMin: "5",
    hotWalletWarning: "1",
    hotWalletLow: "0.1",
  },
  {
    chainKey: "evm-local",
    assetCode: "USDT",
    kind: "ERC20",
    decimals: 6,
    confirmations: 3,
    minDeposit: "1",
    largeDeposit: "100000",
    minWithdrawal: "2",
    withdrawalFeeFloor: "1",
    autoApproveMax: "1000",
    dualApprovalMin: "10000",
    hotWalletWarning: "1000",
    hotWalletLow: "100",
  },
] as const;

export const SEED_MARKETS = [
  {
    symbol: "BTCUSDT",
    baseAsset: "BTC",
    quoteAsset: "USDT",
    priceTick: "0.01",
    lotSize: "0.00001",
    minQty: "0.00001",
    maxQty: "1000",
    maxPrice: "10000000",
    minNotional: "5",
    maxNotional: "10000000",
    maxOpenOrders: 200,
    makerFeeRate: "0.001",
    takerFeeRate: "0.001",
    sortOrder: 1,
  },
  {
    symbol: "ETHUSDT",
    baseAsset: "ETH",
    quoteAsset: "USDT",
    priceTick: "0.01",
    lotSize: "0.0001",
    minQty: "0.0001",
    maxQty: "10000",
    maxPrice: "1000000",
    minNotional: "5",
    maxNotional: "10000000",
    maxOpenOrders: 200,
    makerFeeRate: "0.001",
    takerFeeRate: "0.001",
    sortOrder: 2,
  },
] as const;

/**
 * The demo perpetual contracts: each a market row (its book, fees and limits) and its perpetual
 * terms, the way the listing service records them before the engine takes `contract.add`. The
 * worker's reference-data sync lists them in the engine from these. Binance's BTCUSDT schedule:
 * maintenance 0.4 % up to 50 000 USDT of position (125×), then 0.5 %, 1 %, 2.5 % and 5 %.
 */
export const SEED_CONTRACTS = [
  {
    market: {
      symbol: "BTCUSDT-PERP",
      baseAsset: "BTC",
      quoteAsset: "USDT",
      priceTick: "0.1",
      lotSize: "0.001",
      minQty: "0.001",
      maxQty: "1000",
      maxPrice: "10000000",
      minNotional: "5",
      maxNotional: "10000000",
      maxOpenOrders: 200,
      makerFeeRate: "0.0002",
      takerFeeRate: "0.0005",
      sortOrder: 10,
    },
    terms: {
      maxLeverage: 125,
      // Position bounds in whole USDT; the seed records them in atoms of USDT's precision.
      riskTiers: [
        { maxNotional: "50000", maintenanceMarginPpm: 4_000, maxLeverage: 125 },
        { maxNotional: "250000", maintenanceMarginPpm: 5_000, maxLeverage: 100 },
        { maxNotional: "3000000", maintenanceMarginPpm: 10_000, maxLeverage: 50 },
        { maxNotional: "15000000", maintenanceMarginPpm: 25_000, maxLeverage: 20 },
        { maxNotional: "30000000", maintenanceMarginPpm: 50_000, maxLeverage: 10 },
      ],
      fundingIntervalMs: 8 * 3_600_000,
      fundingCapPpm: 3_000,
      interestPpm: 100,
    },
  },
  {
    market: {
      symbol: "ETHUSDT-PERP",
      baseAsset: "ETH",
      quoteAsset: "USDT",
      priceTick: "0.01",
      lotSize: "0.001",
      minQty: "0.001",
      maxQty: "10000",
      maxPrice: "1000000",
      minNotional: "5",
      maxNotional: "10000000",
      maxOpenOrders: 200,
      makerFeeRate: "0.0002",
      takerFeeRate: "0.0005",
      sortOrder: 11,
    },
    // Binance's ETHUSDT schedule, roughly: 0.5 % to 50 000 USDT at 100×, then 0.65 %, 1 %, 2 %, 5 %.
    terms: {
      maxLeverage: 100,
      riskTiers: [
        { maxNotional: "50000", maintenanceMarginPpm: 5_000, maxLeverage: 100 },
        { maxNotional: "500000", maintenanceMarginPpm: 6_500, maxLeverage: 75 },
        { maxNotional: "8000000", maintenanceMarginPpm: 10_000, maxLeverage: 50 },
        { maxNotional: "50000000", maintenanceMarginPpm: 20_000, maxLeverage: 25 },
        { maxNotional: "80000000", maintenanceMarginPpm: 50_000, maxLeverage: 10 },
      ],
      fundingIntervalMs: 8 * 3_600_000,
      fundingCapPpm: 3_000,
      interestPpm: 100,
    },
  },
] as const;

/**
 * Demo staff. Staff log-in requires two-factor, so each is seeded already enrolled with a fixed,
 * public TOTP secret (base32): `npm run totp -- admin@exchange.local` prints the current code, or
 * add the secret to any authenticator app. Local use only, like the passwords.
 */
export const SEED_STAFF: ReadonlyArray<{
  email: string;
  name: string;
  role: StaffRole;
  password: string;
  totpSecret: string;
}> = [
  {
    email: "admin@exchange.local",
    name: "Ada Admin",
    role: "ADMIN",
    password: "admin-dev-pass-1",
    totpSecret: "XQ4R5SZVTX7SKSVGD2WCLC36KSGGF6X3",
  },
  {
    email: "compliance@exchange.local",
    name: "Chen Compliance",
    role: "COMPLIANCE",
    password: "compliance-dev-pass-1",
    totpSecret: "2YPF5DLROBTKUEB6HBX3JXJUGLVCDQ3V",
  },
  {
    email: "finance@exchange.local",
    name: "Farah Finance",
    role: "FINANCE",
    password: "finance-dev-pass-1",
    totpSecret: "F4ZR4IYXMZIFAUYPHJPKNUF6VFMEREGJ",
  },
  {
    email: "operations@exchange.local",
    name: "Omar Operations",
    role: "OPERATIONS",
    password: "operations-dev-pass-1",
    totpSecret: "KC3VGKBO4RAKJRNXJC7W2T2PKXA4IC5C",
  },
];

export const SEED_TRADERS = [
  { email: "trader@exchange.local", password: "trader-dev-pass-1" },
] as const;

/**
 * Accounts of the demo market (apps/worker demo job, on under `npm run dev`): one quotes both
 * sides of every market, one trades against it now and then so prices and candles move. They
 * never log in: their passwords are random.
 */
export const SEED_DEMO_BOTS = [
  { email: "market-maker@exchange.local", role: "maker" },
  { email: "order-flow@exchange.local", role: "taker" },
] as const;

/**
 * Demo loan products (seed 004 借贷) with the seed's worked example's lines: 80 % 质押率, a
 * warning line at 85 % of the opening price, the liquidation line stated at 83 % and acting at
 * 82 %. Ratios in millionths, amounts in USDT atoms (8 decimals). Written once per pair (a pair
 * that has a product keeps it as operations left it).
 */
export const SEED_LOAN_PRODUCTS = [
  {
    collateralAsset: "BTC",
    loanAsset: "USDT",
    terms: {
      name: "USDT against BTC, 30 days",
      initialLtvPpm: 800_000,
      warningLinePpm: 850_000,
      liquidationLinePpm: 830_000,
      effectiveLiquidationLinePpm: 820_000,
      liquidationFeePpm: 20_000,
      interestPeriod: "DAY",
      // 0.05 % a day.
      ratePpm: "500",
      termDays: 30,
      minLoanAtoms: "10000000000",
      maxLoanAtoms: "100000000000000",
      kycLevel: 1,
    },
  },
  {
    collateralAsset: "ETH",
    loanAsset: "USDT",
    terms: {
      name: "USDT against ETH, open-ended",
      initialLtvPpm: 800_000,
      warningLinePpm: 850_000,
      liquidationLinePpm: 830_000,
      effectiveLiquidationLinePpm: 820_000,
      liquidationFeePpm: 20_000,
      interestPeriod: "HOUR",
      // 0.0025 % an hour.
      ratePpm: "25",
      termDays: null,
      minLoanAtoms: "5000000000",
      maxLoanAtoms: "50000000000000",
      kycLevel: 1,
    },
  },
] as const;
