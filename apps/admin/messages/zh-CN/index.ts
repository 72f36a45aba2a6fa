/** The admin app's catalog in zh-CN: one file per area of the app, named by its namespace. */

import announcements from "./announcements.json";
import audit from "./audit.json";
import auth from "./auth.json";
import common from "./common.json";
import dashboard from "./dashboard.json";
import deposits from "./deposits.json";
import feeIncome from "./fee-income.json";
import fees from "./fees.json";
import kyc from "./kyc.json";
import lending from "./lending.json";
import markets from "./markets.json";
import nav from "./nav.json";
import products from "./products.json";
import reconciliation from "./reconciliation.json";
import risk from "./risk.json";
import staff from "./staff.json";
import system from "./system.json";
import treasury from "./treasury.json";
import users from "./users.json";
import withdrawals from "./withdrawals.json";

export default {
  common,
  nav,
  auth,
  dashboard,
  kyc,
  users,
  audit,
  staff,
  markets,
  fees,
  feeIncome,
  products,
  lending,
  risk,
  withdrawals,
  deposits,
  treasury,
  reconciliation,
  system,
  announcements,
};
