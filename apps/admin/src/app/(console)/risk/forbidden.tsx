import { AccessDenied } from "@/components/access-denied";

/** Shown with HTTP 403 when the staff member's roles do not open this section. */
export default function Forbidden() {
  return <AccessDenied section="risk" />;
}
