import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";

/**
 * Where identity documents live: never under a web root, never at a guessable name. Keys are
 * chosen by the storage (random), so no user input ever becomes a path. Only the API's
 * authorised routes read them back.
 *
 * Local disk is the one implementation; an S3-compatible one fits the same three methods.
 */
export interface DocumentStorage {
  /** Stores the bytes under a new random key and returns it; nothing is visible until it returns. */
  put(bytes: Uint8Array): Promise<string>;
  /** The stored bytes as a stream, with their length; NOT_FOUND-style null when the key is unknown. */
  open(key: string): Promise<{ stream: ReadableStream<Uint8Array>; sizeBytes: number } | null>;
  /** Removes the object; removing a missing one is not an error (clean-up after a failure). */
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[0-9a-f]{40}$/;

/** Files under `root`, sharded by the key's first two bytes so no directory grows huge. */
export class LocalDocumentStorage implements DocumentStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const key = randomBytes(20).toString("hex");
    const path = this.pathOf(key);
    await mkdir(join(path, ".."), { recursive: true, mode: 0o700 });
    // Written beside its final name and renamed: a crash leaves a temp file, never half a document.
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600, flag: "wx" });
    await rename(temporary, path);
    return key;
  }

  async open(key: string) {
    if (!KEY_PATTERN.test(key)) return null;
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      const stream = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
      return { stream, sizeBytes: size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (!KEY_PATTERN.test(key)) return;
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }
}
