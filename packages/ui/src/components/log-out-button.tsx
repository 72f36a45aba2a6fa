import { useTranslations } from "next-intl";
import { buttonClasses } from "./button-styles";

/** The way out: a form posting to the app's log-out server action, so it works without script. */
export function LogOutButton({ logOut }: { logOut: () => Promise<void> }) {
  const t = useTranslations("ui.logOut");
  return (
    <form action={logOut}>
      <button type="submit" className={buttonClasses("secondary", "sm")}>
        {t("button")}
      </button>
    </form>
  );
}
