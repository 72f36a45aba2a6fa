/**
 * Where the Wallet page shows the trader's withdrawals. The withdrawal history itself
 * (components/wallet/withdrawal-history.tsx) comes with the withdrawals; until it is merged in,
 * this says where to find them. Replace this component's use in wallet-screen.tsx with it.
 */
export function WithdrawalHistorySlot() {
  return (
    <p className="text-[13px] text-ink-muted" data-testid="withdrawal-history-slot">
      No withdrawals yet.
    </p>
  );
}
