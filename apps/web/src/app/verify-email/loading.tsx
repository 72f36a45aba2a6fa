import { Spinner } from "@exchange/ui";

/** The link is being checked on the server: say so rather than show a blank page. */
export default function VerifyEmailLoading() {
  return (
    <div className="flex flex-1 items-center justify-center px-4 py-24">
      <Spinner label />
    </div>
  );
}
