import { describe, expect, it } from "vitest";
import { STORED_ENUMS } from "../testing/stored-enums";
import { AUTH_TOKEN_PURPOSES, PRINCIPAL_TYPES, STAFF_ROLES, USER_STATUSES } from "./identity-enums";

describe("identity enums", () => {
  it("match the database schema's enums value for value", () => {
    expect([...STAFF_ROLES].sort()).toEqual([...STORED_ENUMS.StaffRole].sort());
    expect([...PRINCIPAL_TYPES].sort()).toEqual([...STORED_ENUMS.PrincipalType].sort());
    expect([...AUTH_TOKEN_PURPOSES].sort()).toEqual([...STORED_ENUMS.AuthTokenPurpose].sort());
    expect([...USER_STATUSES].sort()).toEqual([...STORED_ENUMS.UserStatus].sort());
  });
});
