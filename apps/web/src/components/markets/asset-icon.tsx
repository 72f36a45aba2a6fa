/** Brand colours of the assets we list; anything else gets a neutral tile. */
const ASSET_COLORS: Record<string, string> = {
  BTC: "#f7931a",
  ETH: "#627eea",
  USDT: "#26a17b",
};

/** A coin badge: the asset's colour and initial. Stands in until asset logos are served. */
export function AssetIcon({ code }: { code: string }) {
  const color = ASSET_COLORS[code];
  return (
    <span
      aria-hidden="true"
      className="grid size-6 shrink-0 place-items-center rounded-full text-[10px] font-bold text-white"
      style={{ backgroundColor: color ?? "var(--color-line-strong)" }}
    >
      {code.charAt(0)}
    </span>
  );
}
