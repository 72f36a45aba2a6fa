/**
 * The API-key procedures' shapes: the domain's contracts (api-keys/api-key-contracts.ts),
 * which the gateway's checks and the web form share.
 */
export {
  ZApiKeyList as ZListApiKeysOutput,
  ZApiKeyView as ZRevokeApiKeyOutput,
  ZCreateApiKeyInput,
  ZCreateApiKeyOutput,
  ZRevokeApiKeyInput,
} from "@exchange/domains/api-keys/api-key-contracts";
