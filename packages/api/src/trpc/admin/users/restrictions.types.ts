/** Compliance's restrictions of a user: the domain's contracts (identity/restriction-contracts.ts). */

export { ZUserApiKeysInput as ZUserRestrictionsInput } from "@exchange/domains/api-keys/api-key-contracts";
export {
  ZRestrictionChangeInput,
  ZUserRestrictions as ZUserRestrictionsOutput,
} from "@exchange/domains/identity/restriction-contracts";
