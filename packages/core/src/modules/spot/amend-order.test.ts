import { describe, expect, it } from "vitest";
import { RejectCode } from "../../reject-code";
import {
  BTC_PER_LOT,
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  placedId,
  typesOf,
} from "../../test-kit";
import type { BookKind } from "./book/order-book";

describe.each<BookKind>(["fast", "naive"])("order.amend with the %s book", (book) => {
  /** Two buys of user 1 and 2 at 1 000 ticks, user 1's first in the queue. */
  function setup() {
    const env = createTestCore(book);
    fundUsers(env.core, env.cmd, [1, 2, 3]);
    const first = placedId(env.core.apply(env.cmd.limit(1, "buy", 1_000n, 5n)));
    const second = placedId(env.core.apply(env.cmd.limit(2, "buy", 1_000n, 5n)));
    return { ...env, first, second };
  }

  it("a smaller quantity keeps the id and the queue place and releases exactly the difference", () => {
    const { core, cmd, first } = setup();
    const result = expectAccepted(core.apply(cmd.amend(1, first, { qtyLots: 3n })));
    expect(typesOf(result)).toEqual(["order.amended", "balance.changed", "book.levelChanged"]);
    expect(eventsOf(result, "order.amended")[0]).toMatchObject({
      orderId: first,
      newOrderId: first,
      keptPriority: true,
      qtyLots: 3n,
      remainingLots: 3n,
    });
    expect(core.order(first)).toMatchObject({
      qtyLots: 3n,
      remainingLots: 3n,
      frozenAtoms: 3_000n,
    });
    expect(core.balance(1, "USDT").frozenAtoms).toBe(3_000n);
    expect(core.levelLots("BTCUSDT", "buy", 1_000n)).toBe(8n);
    const fill = expectAccepted(core.apply(cmd.limit(3, "sell", 1_000n, 1n)));
    expect(eventsOf(fill, "trade")[0]?.makerOrderId).toBe(first);
  });

  it("a larger quantity replaces the order: new id, last in the queue, hold adjusted", () => {
    const { core, cmd, first, second } = setup();
    const result = expectAccepted(core.apply(cmd.amend(1, first, { qtyLots: 7n })));
    const replaced = eventsOf(result, "order.accepted")[0];
    expect(eventsOf(result, "order.amended")[0]).toMatchObject({
      orderId: first,
      newOrderId: replaced?.orderId,
      keptPriority: false,
    });
    expect(eventsOf(result, "order.cancelled")).toMatchObject([
      { orderId: first, reason: "amended" },
    ]);
    expect(replaced).toMatchObject({ qtyLots: 7n, replacesOrderId: first });
    expect(core.balance(1, "USDT").frozenAtoms).toBe(7_000n);
    const fill = expectAccepted(core.apply(cmd.limit(3, "sell", 1_000n, 1n)));
    expect(eventsOf(fill, "trade")[0]?.makerOrderId).toBe(second);
  });

  it("a new price replaces the order for what is left unfilled, and may trade", () => {
    const { core, cmd, first } = setup();
    core.apply(cmd.limit(3, "sell", 1_000n, 2n));
    core.apply(cmd.limit(3, "sell", 1_020n, 1n));
    const result = expectAccepted(core.apply(cmd.amend(1, first, { priceTicks: 1_030n })));
    const replaced = eventsOf(result, "order.accepted")[0];
    expect(replaced).toMatchObject({ priceTicks: 1_030n, qtyLots: 3n });
    expect(eventsOf(result, "trade")).toMatchObject([{ priceTicks: 1_020n, qtyLots: 1n }]);
    // 2 lots rest at 1 030 (the fill at 1 020 released its 10-tick improvement).
    expect(core.order(replaced?.orderId ?? 0)).toMatchObject({ frozenAtoms: 2_060n });
    expect(core.balance(1, "USDT").frozenAtoms).toBe(2_060n);
  });

  it("reduces an untriggered stop order's hold; refuses to reprice it", () => {
    const { core, cmd } = createTestCore(book);
    fundUsers(core, cmd, [1]);
    const id = placedId(core.apply(cmd.stop(1, "sell", "stopLimit", 990n, 985n, 4n)));
    expectAccepted(core.apply(cmd.amend(1, id, { qtyLots: 1n })));
    expect(core.order(id)).toMatchObject({ waiting: true, frozenAtoms: BTC_PER_LOT });
    const before = core.stateHash();
    const refused = expectRejected(core.apply(cmd.amend(1, id, { priceTicks: 980n })));
    expect(refused.code).toBe(RejectCode.AmendNotAllowed);
    expect(core.stateHash()).toBe(before);
  });

  it.each([
    ["nothing to change", RejectCode.AmendNotAllowed, { qtyLots: 5n }],
    ["no more than the filled quantity", RejectCode.InvalidQuantity, { qtyLots: 2n }],
    ["a price above the maximum", RejectCode.PriceAboveMax, { priceTicks: 10n ** 11n }],
  ])("rejects %s and changes nothing", (_name, code, change) => {
    const { core, cmd, first } = setup();
    core.apply(cmd.limit(3, "sell", 1_000n, 2n));
    const before = core.stateHash();
    expect(expectRejected(core.apply(cmd.amend(1, first, change))).code).toBe(code);
    expect(core.stateHash()).toBe(before);
  });

  it("rejects a replacement the old hold and the balance cannot cover, changing nothing", () => {
    const { core, cmd } = createTestCore(book);
    core.apply(cmd.deposit(5, "USDT", 5_000n));
    const id = placedId(core.apply(cmd.limit(5, "buy", 1_000n, 5n)));
    const before = core.stateHash();
    const refused = expectRejected(core.apply(cmd.amend(5, id, { priceTicks: 1_001n })));
    expect(refused.code).toBe(RejectCode.InsufficientBalance);
    expect(core.stateHash()).toBe(before);
    expectAccepted(core.apply(cmd.amend(5, id, { priceTicks: 999n })));
  });

  it("rejects amending an OCO order", () => {
    const { core, cmd } = setup();
    const placed = expectAccepted(core.apply(cmd.oco(3, "sell", 1n, 1_100n, 900n, 890n)));
    const id = eventsOf(placed, "order.accepted")[0]?.orderId ?? 0;
    const refused = expectRejected(core.apply(cmd.amend(3, id, { qtyLots: 2n })));
    expect(refused.code).toBe(RejectCode.AmendNotAllowed);
  });
});
