import { compare, parseAmount, parseDecimal } from "@exchange/contracts/money";

/**
 * Why a typed withdrawal amount cannot be sent, found before asking the server (which checks
 * again): a message key of `wallet.withdraw.amountProblem`.
 */
export type WithdrawAmountProblem =
  | "format"
  | "not_positive"
  | "too_many_decimals"
  | "below_minimum"
  | "above_available";

/** What the quote says about the asset: its decimals, its minimum, and the most one can send. */
export interface AmountRules {
  precision: number;
  minWithdrawal: string;
  maxAmount: string;
}

/**
 * The first problem of a typed amount against the asset's rules, or null when it can be asked
 * for. Exact decimal arithmetic only: an amount is never rounded to pass.
 */
export function withdrawAmountProblem(
  text: string,
  rules: AmountRules,
): WithdrawAmountProblem | null {
  const parsed = parseAmount(text.trim(), rules.precision);
  if ("problem" in parsed) return parsed.problem;
  const value = parseDecimal(text.trim());
  const minimum = parseDecimal(rules.minWithdrawal);
  const maximum = parseDecimal(rules.maxAmount);
  if (!value) return "format";
  if (minimum && compare(value, minimum) < 0) return "below_minimum";
  if (maximum && compare(value, maximum) > 0) return "above_available";
  return null;
}
