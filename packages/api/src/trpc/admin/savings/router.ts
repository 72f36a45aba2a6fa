import { router } from "../../trpc";
import { createProductProcedure } from "./create-product";
import { generateInstancesProcedure } from "./generate-instances";
import { listInstancesProcedure } from "./list-instances";
import { listProductsProcedure } from "./list-products";
import { savingsMoneyRoutes } from "./money-routes";
import { productVersionsProcedure } from "./product-versions";
import { reviseProductProcedure } from "./revise-product";
import { setProductStatusProcedure } from "./set-product-status";

/** Operations' savings products (packages/domains/src/savings): templates and their instances. */
export const savingsAdminRouter = router({
  products: router({
    list: listProductsProcedure,
    create: createProductProcedure,
    revise: reviseProductProcedure,
    setStatus: setProductStatusProcedure,
    versions: productVersionsProcedure,
  }),
  instances: router({
    list: listInstancesProcedure,
    generate: generateInstancesProcedure,
  }),
  // Subscriptions, payout runs and the pool (money-routes.ts).
  ...savingsMoneyRoutes,
});
