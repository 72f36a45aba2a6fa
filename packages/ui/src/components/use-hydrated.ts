"use client";

// A client module: React's server build has no useSyncExternalStore, and the package's index
// is also imported by server components.
import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/** False in the server's HTML and until React has taken over the page in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
