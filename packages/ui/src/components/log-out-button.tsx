import { buttonClasses } from "./button-styles";

/** The way out: a form posting to the app's log-out server action, so it works without script. */
export function LogOutButton({ logOut }: { logOut: () => Promise<void> }) {
  return (
    <form action={logOut}>
      <button type="submit" className={buttonClasses("secondary", "sm")}>
        Log out
      </button>
    </form>
  );
}
