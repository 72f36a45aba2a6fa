import { redirect } from "next/navigation";

/** The markets list is the front door until the trading screen lands. */
export default function HomePage() {
  redirect("/markets");
}
