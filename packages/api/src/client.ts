/**
 * What browser code may import: router types (erased at build), the transformer, the admin
 * section table and the input schemas forms validate with. No server code.
 */
export { AppErrorCode, type FieldErrors } from "./errors";
export { ZEmail, ZPassword, ZRegisterInput } from "./procedures/auth/register.types";
export type { MarketDto } from "./procedures/markets/list-markets.types";
export type { AdminRouter } from "./routers/admin-router";
export type { TraderRouter } from "./routers/trader-router";
export { canOpenSection, STAFF_SECTIONS, type StaffSection } from "./staff-sections";
export { transformer } from "./transformer";
