/** Helpers for other workspaces' integration tests: the run's services, test users, KYC fixtures. */
export { KYC_FIXTURE_FIELDS, kycFixtureFiles } from "@exchange/domains/testing/kyc-fixtures";
export { closeServices, testServices } from "@exchange/domains/testing/test-services";
export { createTestUser, type TestUser } from "@exchange/domains/testing/test-users";
export {
  type BinanceAnswer,
  type BinanceCredentials,
  signedCall,
  signPayload,
} from "./binance-client";
