import type { Money } from '@live-shop/protocol';
import type { AttributedPurchase, RecordedOrder } from '../storage/order-store.js';
import { addDecimals, formatDecimal, parseDecimal, ZERO, type Decimal } from './decimal.js';

/** What one product moment sold: the purchases of one product bought from the card shown at one pdt. */
export interface MomentSales {
  /** The moment (program date time, epoch ms); null for purchases whose line did not say. */
  pdt: number | null;
  productId: string | null;
  units: number;
  /** One amount per currency, by currency code. */
  revenue: Money[];
}

/** The answer of `GET /v1/shows/:id/orders`. */
export interface ShowOrders {
  show: string;
  /** The show's attributed purchases, one per order line, in the order they were recorded. */
  orders: AttributedPurchase[];
  totals: {
    /** Orders with at least one purchase of the show. */
    orders: number;
    units: number;
    /** One amount per currency, by currency code. */
    revenue: Money[];
    /** Units of the same orders' lines that no show sold (what else those buyers took). */
    unattributedUnits: number;
  };
  /** Sales per (moment, product), by pdt (unknown last), then product id. */
  moments: MomentSales[];
}

/** Revenue summed per currency. */
class RevenueByCurrency {
  readonly #sums = new Map<string, Decimal>();

  add(currency: string, amount: string): void {
    this.#sums.set(currency, addDecimals(this.#sums.get(currency) ?? ZERO, parseDecimal(amount) ?? ZERO));
  }

  toMoney(): Money[] {
    return [...this.#sums.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currencyCode, sum]) => ({ amount: formatDecimal(sum), currencyCode }));
  }
}

function compareMoments(a: MomentSales, b: MomentSales): number {
  if (a.pdt !== b.pdt) {
    if (a.pdt === null) return 1;
    if (b.pdt === null) return -1;
    return a.pdt - b.pdt;
  }
  const [x, y] = [a.productId ?? '', b.productId ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The show's purchases among `orders` (the orders a store holds for it), with totals and per-moment sales. */
export function showOrders(show: string, orders: readonly RecordedOrder[]): ShowOrders {
  const purchases: AttributedPurchase[] = [];
  const revenue = new RevenueByCurrency();
  const moments = new Map<string, { sales: MomentSales; revenue: RevenueByCurrency }>();
  let units = 0;
  let orderCount = 0;
  let unattributedUnits = 0;
  for (const order of orders) {
    const own = order.purchases.filter((purchase) => purchase.show === show);
    if (own.length === 0) continue;
    orderCount += 1;
    unattributedUnits += order.unattributed.units;
    for (const purchase of own) {
      purchases.push(purchase);
      units += purchase.quantity;
      revenue.add(purchase.currency, purchase.revenue);
      const key = JSON.stringify([purchase.pdt, purchase.productId]);
      let moment = moments.get(key);
      if (!moment) {
        moment = { sales: { pdt: purchase.pdt, productId: purchase.productId, units: 0, revenue: [] }, revenue: new RevenueByCurrency() };
        moments.set(key, moment);
      }
      moment.sales.units += purchase.quantity;
      moment.revenue.add(purchase.currency, purchase.revenue);
    }
  }
  return {
    show,
    orders: purchases,
    totals: { orders: orderCount, units, revenue: revenue.toMoney(), unattributedUnits },
    moments: [...moments.values()].map(({ sales, revenue: sum }) => ({ ...sales, revenue: sum.toMoney() })).sort(compareMoments),
  };
}
