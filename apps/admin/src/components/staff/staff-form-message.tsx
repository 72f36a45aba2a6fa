import type { StaffFormState } from "@/app/actions/staff-actions";

/** A staff form's answer: the refusal as an alert, or what was done as a status line. */
export function StaffFormMessage({ state }: { state: StaffFormState }) {
  if (state.error) {
    return (
      <span role="alert" className="text-xs text-down">
        {state.error}
      </span>
    );
  }
  return (
    <span role="status" className="text-xs text-up">
      {state.done ?? ""}
    </span>
  );
}
