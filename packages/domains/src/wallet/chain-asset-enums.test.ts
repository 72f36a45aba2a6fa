import { describe, expect, it } from "vitest";
import { STORED_ENUMS } from "../testing/stored-enums";
import { CHAIN_ASSET_KINDS } from "./chain-asset-repository";

describe("chain asset kinds", () => {
  it("match the database schema's enum value for value", () => {
    expect([...CHAIN_ASSET_KINDS].sort()).toEqual([...STORED_ENUMS.ChainAssetKind].sort());
  });
});
