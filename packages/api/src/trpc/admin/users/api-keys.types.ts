/** Staff's view of a user's API keys: the domain's contracts (api-keys/api-key-contracts.ts). */
export {
  ZApiKeyList as ZUserApiKeysOutput,
  ZApiKeyView as ZRevokeUserApiKeyOutput,
  ZRevokeUserApiKeyInput,
  ZUserApiKeysInput,
} from "@exchange/domains/api-keys/api-key-contracts";
