import { adminEnv } from "./env";

/** Runs once when the server starts: refuse to serve with a broken configuration. */
export function register() {
  adminEnv();
}
