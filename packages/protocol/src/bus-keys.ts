/**
 * Redis names of the engine bus. Every name carries the deployment's prefix so that several
 * environments (or test runs) can share one Redis without seeing each other.
 */
export interface BusKeys {
  /** Stream the engine consumes: every command, in order. */
  commands: string;
  /** Stream the engine publishes: every event, in order. */
  events: string;
  /**
   * Stream of commands the engine set aside: each stopped it twice when applied, and was then
   * answered with `InternalError` and journaled as rejected. Every entry carries the error.
   */
  deadLetters: string;
  /** Consumer group of the engine on `commands`. */
  engineGroup: string;
  /** Pub/sub channel on which one client instance receives the engine's replies. */
  replies(clientId: string): string;
}

export function busKeys(prefix: string): BusKeys {
  return {
    commands: `${prefix}engine.commands`,
    events: `${prefix}engine.events`,
    deadLetters: `${prefix}engine.deadletter`,
    engineGroup: "engine",
    replies: (clientId) => `${prefix}engine.replies.${clientId}`,
  };
}

/** Stream entry field names: short, because every command carries them. */
export const COMMAND_FIELD = "c";
export const REPLY_TO_FIELD = "r";
