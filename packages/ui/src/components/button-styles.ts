/** Class lists for buttons and links styled as buttons, so both look the same. */
const BASE =
  "inline-flex items-center justify-center gap-2 rounded-md font-medium whitespace-nowrap " +
  "transition-colors disabled:cursor-not-allowed disabled:opacity-60";

const VARIANTS = {
  primary: "bg-brand-fill text-brand-ink hover:bg-brand-fill-hover",
  secondary: "bg-raised text-ink ring-1 ring-line-strong ring-inset hover:bg-hover",
  ghost: "text-ink-muted hover:bg-raised hover:text-ink",
} as const;

const SIZES = {
  // 40 px tall on phones, where a thumb presses it.
  sm: "h-8 px-3 text-[13px] max-sm:h-10",
  md: "h-10 px-4 text-sm",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export function buttonClasses(variant: ButtonVariant = "primary", size: ButtonSize = "md"): string {
  return `${BASE} ${VARIANTS[variant]} ${SIZES[size]}`;
}
