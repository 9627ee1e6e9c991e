/**
 * Descriptive statistics and least-squares helpers over plain arrays.
 * @module math/stats
 */

/** Arithmetic mean (NaN for an empty input). */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return x.length ? s / x.length : NaN;
}

/** Sample standard deviation (n - 1). */
export function std(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return 0;
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** Coefficient of variation sd / |mean|. */
export function cv(x: ArrayLike<number>): number {
  return std(x) / Math.abs(mean(x));
}

/** Median (copies). */
export function median(x: ArrayLike<number>): number {
  return quantile(x, 0.5);
}

/** Linear-interpolated quantile q in [0, 1] (copies). */
export function quantile(x: ArrayLike<number>, q: number): number {
  const a = Array.from(x).filter((v) => !Number.isNaN(v)).sort((p, r) => p - r);
  if (!a.length) return NaN;
  const pos = (a.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return a[lo] + (a[hi] - a[lo]) * (pos - lo);
}

/** Ordinary least-squares line y = a + b x, with standard errors and R^2. */
export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>): { intercept: number; slope: number; seIntercept: number; seSlope: number; r2: number } {
  const n = x.length;
  const mx = mean(x), my = mean(y);
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - intercept - slope * x[i]) ** 2;
  const s2 = n > 2 ? sse / (n - 2) : 0;
  return {
    slope, intercept,
    seSlope: Math.sqrt(s2 / sxx),
    seIntercept: Math.sqrt(s2 * (1 / n + (mx * mx) / sxx)),
    r2: syy > 0 ? 1 - sse / syy : 1,
  };
}

/** Logarithmically spaced values from a to b inclusive (n >= 2). */
export function logspace(a: number, b: number, n: number): number[] {
  const la = Math.log10(a), lb = Math.log10(b);
  return Array.from({ length: n }, (_, k) => 10 ** (la + ((lb - la) * k) / (n - 1)));
}

/** Linearly spaced values from a to b inclusive (n >= 2). */
export function linspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => a + ((b - a) * k) / (n - 1));
}
