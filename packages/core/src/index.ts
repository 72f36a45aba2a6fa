// packages/core: the pure, deterministic matching and balance engine. See README.md.
export {};
