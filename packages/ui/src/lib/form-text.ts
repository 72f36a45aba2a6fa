/**
 * A text field's value as submitted. Forms read their fields at submit time rather than from
 * React state, so whatever was typed before the page hydrated (a fast typist, a password
 * manager, a slow phone) is what gets sent.
 */
export function formText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === "string" ? value : "";
}
