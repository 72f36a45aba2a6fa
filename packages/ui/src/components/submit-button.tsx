import type { ReactNode } from "react";
import { buttonClasses } from "./button-styles";
import { Spinner } from "./spinner";

/** A full-width form submit that shows progress and cannot be pressed twice. */
export function SubmitButton({
  pending,
  disabled = false,
  children,
}: {
  pending: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-busy={pending}
      className={`${buttonClasses("primary", "md")} w-full`}
    >
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}
