import { z } from "zod";
import { ZRowId, ZSymbolText } from "../input-bounds";

/** Keyset pagination: pass the previous page's `nextCursor` to get the next (older) page. */
export const ZPageInput = z.object({
  symbol: ZSymbolText.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: ZRowId.optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.number().int().optional() });
