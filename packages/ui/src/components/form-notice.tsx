import type { ReactNode } from "react";

/** A form-level success or information message (the counterpart of FormAlert). */
export function FormNotice({ children }: { children: ReactNode }) {
  return (
    <div
      role="status"
      data-testid="form-notice"
      className="flex items-start gap-2 rounded-md bg-up/10 px-3 py-2.5 text-[13px] text-up ring-1 ring-up/30 ring-inset"
    >
      <svg
        viewBox="0 0 20 20"
        fill="currentColor"
        className="mt-px size-4 shrink-0"
        aria-hidden="true"
      >
        <path
          fillRule="evenodd"
          d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.857-9.809a.75.75 0 0 0-1.214-.882l-3.483 4.79-1.88-1.88a.75.75 0 1 0-1.06 1.061l2.5 2.5a.75.75 0 0 0 1.137-.089l4-5.5Z"
          clipRule="evenodd"
        />
      </svg>
      <div>{children}</div>
    </div>
  );
}
