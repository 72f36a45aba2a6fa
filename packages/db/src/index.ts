export { createDb, type Db } from "./client";
export {
  ActorType,
  ApiKeyKind,
  ApiKeyPermission,
  AssetStatus,
  AuthTokenPurpose,
  ChainAssetKind,
  KycDocumentType,
  KycStatus,
  MarketStatus,
  PrincipalType,
  Prisma,
  StaffRole,
  UserStatus,
} from "./generated/prisma/client";
export { decoyPasswordHash, hashPassword, verifyPassword } from "./password";
export { openSecret, parseSecretBoxKey, sealSecret } from "./secret-box";
