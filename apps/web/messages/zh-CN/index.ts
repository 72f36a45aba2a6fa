/** The web app's catalog in zh-CN: one file per area of the app, named by its namespace. */

import account from "./account.json";
import apiDocs from "./api-docs.json";
import auth from "./auth.json";
import common from "./common.json";
import earn from "./earn.json";
import futures from "./futures.json";
import landing from "./landing.json";
import loans from "./loans.json";
import markets from "./markets.json";
import nav from "./nav.json";
import notifications from "./notifications.json";
import trade from "./trade.json";
import verification from "./verification.json";
import wallet from "./wallet.json";

export default {
  common,
  landing,
  nav,
  markets,
  trade,
  wallet,
  earn,
  loans,
  futures,
  auth,
  verification,
  account,
  apiDocs,
  notifications,
};
