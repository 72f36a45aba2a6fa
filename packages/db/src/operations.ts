/** Database operations for scripts and test set-up (not for the web tier's bundles). */
export {
  createDatabaseFromTemplate,
  dropDatabase,
  dropDatabasesByPrefix,
  ensureDatabase,
  migrateDatabase,
  withDatabaseName,
} from "./migrate";
export { printSeedCredentials, seed } from "./seed";
