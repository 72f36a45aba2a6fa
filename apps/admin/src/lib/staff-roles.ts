import type { StaffDto } from "@exchange/api";
import type { canOpenSection } from "@exchange/api/client";

/** A staff role, as the API's section table types it. Its name is `common.roles.<ROLE>`. */
export type StaffRole = Parameters<typeof canOpenSection>[0][number];

/** The logged-in staff member, loaded from the database for each request (see `currentStaff`). */
export type SessionStaff = StaffDto & { sessionId: string };
