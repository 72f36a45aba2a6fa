import { borrowOffers } from "@exchange/domains/lending/borrowing";
import { ZBorrowOffer } from "@exchange/domains/lending/borrowing-contracts";
import { z } from "zod";
import { publicProcedure } from "../../trpc";

/** The loan products open for borrowing, with their terms. Public, as the savings offers are. */
export const borrowOffersProcedure = publicProcedure
  .output(z.array(ZBorrowOffer))
  .query(({ ctx }) => borrowOffers(ctx.services));
