import Link from "next/link";

/** The venue's name: a brand, written the same in every language. */
const WORDMARK = "Exchange";

/**
 * The logo: two opposing arrows (a trade) on the brand tile, and the wordmark. `tag` labels a
 * non-public app (the admin console), so staff never mistake it for the trading site.
 */
export function BrandMark({
  href,
  label,
  tag,
}: {
  href: string;
  /** The link's accessible name, e.g. "Exchange home": it must contain the visible words. */
  label: string;
  tag?: string;
}) {
  return (
    <Link href={href} className="flex items-center gap-2 rounded-md" aria-label={label}>
      <svg viewBox="0 0 28 28" className="size-7" aria-hidden="true">
        <rect width="28" height="28" rx="7" className="fill-brand" />
        <path
          d="M8 11h10.5m0 0-3-3m3 3-3 3M20 17H9.5m0 0 3-3m-3 3 3 3"
          fill="none"
          stroke="white"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {/* The tile alone on the narrowest phones, where the header needs the room. */}
      <span className="hidden text-[15px] font-semibold tracking-tight text-ink min-[420px]:inline">
        {WORDMARK}
      </span>
      {/* A space between the words, so the accessible name reads "Exchange Admin", as shown. */}
      {tag ? " " : null}
      {tag ? (
        <span className="rounded bg-raised px-1.5 py-0.5 text-[10px] font-semibold tracking-wider text-ink-muted uppercase ring-1 ring-line-strong ring-inset">
          {tag}
        </span>
      ) : null}
    </Link>
  );
}
