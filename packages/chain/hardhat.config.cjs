/**
 * The local development chain of `npm run dev` and the tests (scripts/lib/chain-node.ts runs
 * `hardhat node --config` on this file). Hardhat compiles nothing here: the token is compiled
 * with solc-js, because Hardhat's compiler download needs the internet.
 */
module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
      // Like a real node: a transaction that reverts is mined with status 0, not refused.
      throwOnTransactionFailures: false,
      throwOnCallFailures: true,
    },
  },
};
