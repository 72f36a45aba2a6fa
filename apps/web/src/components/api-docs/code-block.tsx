/**
 * A snippet to copy: kept as written (no wrapping), scrolled sideways on a phone. The scroller
 * is a named, focusable region so a keyboard user can scroll it too.
 */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard
      tabIndex={0}
      className="max-w-full overflow-x-auto rounded-md border border-line bg-surface p-4"
    >
      <pre className="font-mono text-xs leading-relaxed">
        <code>{code}</code>
      </pre>
    </section>
  );
}
