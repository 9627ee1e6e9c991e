/**
 * Expression template (circuit/spice-templates) of the tabulated data-driven synapse: the
 * monotone cubic Hermite interpolant of the nine knots (devices/models/data-driven pchipKnots)
 * is written out exactly as a piecewise cubic, one Horner polynomial per knot interval chosen by
 * nested ternaries (the slopes are computed here from the knot parameters, as pchipKnots does).
 * @module circuit/spice-templates-table
 */
import { num, registerSpiceTemplate } from './spice-templates.js';
import { gateE, powE } from './spice-expr.js';

const KNOTS = 9;
/** Gate width and inset of devices/models/data-driven.ts. */
const EPS = 1e-4, INSET = 1e-3;

/** Piecewise cubic of pchipKnots over knots y at x (in [0, 1] after clamping). */
export function pchipE(y: number[], x: string): string {
  const m = KNOTS - 1, s = `(min(max(${x},0),1)*${m})`;
  const seg = (k: number): string => {
    const y0 = y[k], y1 = y[k + 1], dk = y1 - y0;
    const dPrev = k > 0 ? y0 - y[k - 1] : dk, dNext = k + 2 <= m ? y[k + 2] - y1 : dk;
    const s0 = dPrev * dk > 0 ? (2 * dPrev * dk) / (dPrev + dk) : 0;
    const s1 = dk * dNext > 0 ? (2 * dk * dNext) / (dk + dNext) : 0;
    const a3 = 2 * y0 + s0 - 2 * y1 + s1, a2 = -3 * y0 - 2 * s0 + 3 * y1 - s1;
    const t = `(${s}-${k})`;
    return `(((${num(a3)}*${t}+${num(a2)})*${t}+${num(s0)})*${t}+${num(y0)})`;
  };
  let e = seg(m - 1);
  for (let k = m - 2; k >= 0; k--) e = `(${s} < ${k + 1} ? ${seg(k)} : ${e})`;
  return e;
}

registerSpiceTemplate('data-driven', (p) => {
  const x = '{s:x}', dp = Array.from({ length: KNOTS }, (_, k) => p[`dp${k}`]), dd = Array.from({ length: KNOTS }, (_, k) => p[`dd${k}`]);
  const sP = powE(`({V}-${num(p.vthp)})*${num(1 / Math.max(p.vp - p.vthp, 1e-12))}`, p.nu);
  const sD = powE(`(-{V}-${num(p.vthd)})*${num(1 / Math.max(p.vd - p.vthd, 1e-12))}`, p.nu);
  const rate = `({V} > ${num(p.vthp)} ? ${pchipE(dp, x)}*${sP}*${num(1 / p.tw)} : ({V} < ${num(-p.vthd)} ? ${pchipE(dd, x)}*${sD}*${num(1 / p.tw)} : 0))`;
  return {
    states: [{ name: 'x', init: p.x0, min: 0, max: 1 }],
    current: `((${num(p.gmin)}+${x}*${num(p.gmax - p.gmin)})*{V})`,
    rhs: [gateE(rate, x, INSET, 1 - INSET, EPS)],
  };
});
