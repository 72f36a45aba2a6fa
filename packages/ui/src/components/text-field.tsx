import { type InputHTMLAttributes, type ReactNode, useId } from "react";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: string;
  name: string;
  /** Guidance shown under the field until there is an error to show instead. */
  hint?: ReactNode;
  errors?: readonly string[] | undefined;
}

/** A labelled input whose hint and errors are announced with it (aria-describedby). */
export function TextField({ label, name, hint, errors, className, ...input }: TextFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const invalid = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[13px] font-medium text-ink-muted">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid || hint ? messageId : undefined}
        className={`h-10 w-full rounded-md bg-canvas px-3 text-sm text-ink ring-1 ring-inset outline-none transition-shadow placeholder:text-ink-faint focus:ring-2 ${
          invalid
            ? "ring-down focus:ring-down"
            : "ring-line-strong hover:ring-ink-faint focus:ring-brand"
        } ${className ?? ""}`}
        {...input}
      />
      {invalid ? (
        <ul id={messageId} className="flex flex-col gap-0.5 text-[13px] text-down">
          {errors?.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : hint ? (
        <p id={messageId} className="text-xs text-ink-faint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
