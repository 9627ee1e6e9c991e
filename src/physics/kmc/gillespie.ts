/**
 * One rejection-free KMC (BKL / Gillespie) step over a Fenwick tree of rates: the event n is
 * chosen with probability Gamma_n / Gamma_tot and time advances by -ln(u') / Gamma_tot with an
 * independent u' (models.md §10.1).
 * @module physics/kmc/gillespie
 */
import type { Rng } from '../../rng/rng.js';
import type { Fenwick } from './fenwick.js';

/** The chosen event and the waiting time (event -1 and dt = Infinity when all rates are 0). */
export interface KmcDraw { event: number; dt: number }

/** Draw the next event and waiting time (writes into `out`, no allocation). */
export function drawEvent(tree: Fenwick, rng: Rng, out: KmcDraw): KmcDraw {
  const tot = tree.total();
  if (!(tot > 0)) { out.event = -1; out.dt = Infinity; return out; }
  out.event = tree.find(rng.next() * tot);
  out.dt = -Math.log(rng.nextOpen()) / tot;
  return out;
}
