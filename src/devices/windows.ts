/**
 * Window functions for drift models, x in [0, 1] (Technion report "Verilog-A for memristor
 * models", Kvatinsky et al.; Joglekar & Wolf, Eur. J. Phys. 30, 661 (2009); Biolek et al.,
 * Radioengineering 18, 210 (2009); Prodromakis et al., IEEE TED 58, 3099 (2011); Strukov et
 * al., Nature 453, 80 (2008)).
 *
 *  none:        1, with a directional smooth gate at both bounds (no sticking, no wind-up)
 *  joglekar:    1 - (2x - 1)^(2p)
 *  biolek:      1 - (x - stp(-I))^(2p), stp smoothed as (1 + tanh(-I / iEps)) / 2
 *  prodromakis: j (1 - ((x - 0.5)^2 + 0.75)^p)
 *  strukov:     x (1 - x)
 * @module devices/windows
 */
import { gate } from '../math/smooth.js';

export const WINDOWS = ['none', 'joglekar', 'biolek', 'prodromakis', 'strukov'] as const;
export type WindowName = (typeof WINDOWS)[number];

/** Gate width in units of x for the "none" window. */
export const GATE_EPS = 1e-3;
/** Current scale of the smoothed Biolek step, A. */
const BIOLEK_IEPS = 1e-9;

/**
 * dx/dt after applying window number `w` (index into WINDOWS) to the unwindowed rate.
 * @param current the device current (Biolek only)
 */
export function applyWindow(w: number, rate: number, x: number, p: number, j: number, current: number): number {
  switch (w) {
    case 1: { const u = 2 * x - 1; const u2 = u * u; return rate * (1 - (p === 1 ? u2 : Math.pow(u2, p))); }
    case 2: {
      const stp = 0.5 * (1 + Math.tanh(-current / BIOLEK_IEPS));
      const u = x - stp;
      return rate * (1 - Math.pow(u * u, p));
    }
    case 3: { const u = x - 0.5; return rate * j * (1 - Math.pow(u * u + 0.75, p)); }
    case 4: return rate * x * (1 - x);
    default: return gate(rate, x, 0, 1, GATE_EPS);
  }
}
