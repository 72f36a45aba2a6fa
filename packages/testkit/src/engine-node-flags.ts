/**
 * Node flags the engine runs with, wherever it is started (its package scripts, the tests'
 * EngineProcess, the end-to-end run): a young generation of 64 MB. The engine allocates a
 * batch's commands, events and texts and drops them a few milliseconds later; with the default
 * 16 MB semi-spaces much of that survived a scavenge and was copied, and garbage collection took
 * about a quarter of its time (docs/performance.md).
 */
export const ENGINE_NODE_FLAGS = ["--max-semi-space-size=64"];
