/**
 * Arrhenius fit of failure times: ln t = ln t0 + E_a / (k_B T), ordinary least squares in
 * x = 1 / (k_B T) (1/eV), with the parameter covariance so that an extrapolated lifetime
 * carries its standard error (the error of the fitted line at x, not of a new observation).
 * @module memory/arrhenius
 */
import { KB_EV } from '../units/constants.js';

/** A fitted Arrhenius line. */
export interface ArrheniusFit {
  /** Activation energy, eV. */
  ea: number;
  /** Standard error of ea, eV (0 with two points: no residual to estimate it from). */
  eaSe: number;
  /** ln of the prefactor t0 (s). */
  lnT0: number;
  /** Points used. */
  n: number;
  /** Residual variance of ln t. */
  s2: number;
  /** Mean and spread of x = 1/kT of the data. */
  mx: number;
  sxx: number;
}

/** Fit ln t vs 1/kT over the finite positive points (temperatures in K, times in s). Null with fewer than 2. */
export function fitArrhenius(temps: readonly number[], times: readonly number[]): ArrheniusFit | null {
  const xs: number[] = [], ys: number[] = [];
  temps.forEach((T, k) => { const t = times[k]; if (Number.isFinite(t) && t > 0 && T > 0) { xs.push(1 / (KB_EV * T)); ys.push(Math.log(t)); } });
  const n = xs.length;
  if (n < 2) return null;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += xs[i]; my += ys[i]; }
  mx /= n; my /= n;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) { sxx += (xs[i] - mx) ** 2; sxy += (xs[i] - mx) * (ys[i] - my); }
  if (!(sxx > 0)) return null;
  const ea = sxy / sxx;
  const lnT0 = my - ea * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (ys[i] - lnT0 - ea * xs[i]) ** 2;
  const s2 = n > 2 ? sse / (n - 2) : 0;
  return { ea, eaSe: Math.sqrt(s2 / sxx), lnT0, n, s2, mx, sxx };
}

/**
 * Extrapolated time at temperature T with its standard error in ln t.
 * @returns t (s) and lnSe (multiply / divide t by exp(lnSe) for one standard error)
 */
export function arrheniusAt(fit: ArrheniusFit, T: number): { t: number; lnSe: number } {
  const x = 1 / (KB_EV * T);
  const lnT = fit.lnT0 + fit.ea * x;
  const lnSe = Math.sqrt(fit.s2 * (1 / fit.n + ((x - fit.mx) ** 2) / fit.sxx));
  return { t: Math.exp(lnT), lnSe };
}
