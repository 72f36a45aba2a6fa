/** Helpers for other workspaces' integration tests: the run's services, test users, KYC fixtures. */
export { KYC_FIXTURE_FIELDS, kycFixtureFiles } from "./kyc-fixtures";
export { closeServices, testServices } from "./test-services";
export { createTestUser, type TestUser } from "./test-users";
