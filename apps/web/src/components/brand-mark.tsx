import Link from "next/link";

/** The logo: two opposing arrows (a trade) on the brand tile, and the wordmark. */
export function BrandMark() {
  return (
    <Link href="/markets" className="flex items-center gap-2 rounded-md" aria-label="Exchange home">
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
      <span className="text-[15px] font-semibold tracking-tight text-ink">Exchange</span>
    </Link>
  );
}
