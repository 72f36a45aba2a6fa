import {
  ApiKeyKind,
  ApiKeyPermission,
  AuthTokenPurpose,
  ChainAssetKind,
  KycDocumentType,
  KycStatus,
  PrincipalType,
  StaffRole,
  UserStatus,
} from "@exchange/db";

/**
 * The values of the Prisma schema's enums, for the tests that hold the domains' own enum lists
 * to them: tests read the schema through this kit, not by importing Prisma themselves.
 */
export const STORED_ENUMS = {
  ApiKeyKind: Object.values(ApiKeyKind),
  ApiKeyPermission: Object.values(ApiKeyPermission),
  AuthTokenPurpose: Object.values(AuthTokenPurpose),
  ChainAssetKind: Object.values(ChainAssetKind),
  KycDocumentType: Object.values(KycDocumentType),
  KycStatus: Object.values(KycStatus),
  PrincipalType: Object.values(PrincipalType),
  StaffRole: Object.values(StaffRole),
  UserStatus: Object.values(UserStatus),
};
