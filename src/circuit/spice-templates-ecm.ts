/**
 * Expression template (circuit/spice-templates) of ecm-kinetic in its smooth staircase mode:
 * the electrode overpotential eta, which devices/models/ecm-kinetic.ts finds by a safeguarded
 * Newton iteration (Butler-Volmer current = hopping current), is an algebraic internal node
 * solved by the circuit simulator. The gap is exported in nm. The stochastic mode (integer
 * channel count with Poisson +-1 events) is a random jump process: no behavioural netlist can
 * reproduce it, so it is refused with that reason.
 * @module circuit/spice-templates-ecm
 */
import { G0, HBAR, KB, Q } from '../units/constants.js';
import { SpecError } from '../units/parse.js';
import { num, registerSpiceTemplate } from './spice-templates.js';
import { boundGateE, limexpE, limsinhE, sstepE } from './spice-expr.js';

const NM = 1e9;
const NUC = 1 - Math.exp(-1);
const TWO_PI = 2 * Math.PI;

registerSpiceTemplate('ecm-kinetic', (p) => {
  if (p.quantize === 1) throw new SpecError('export', 'quantize=stochastic', "quantize=smooth: the stochastic mode draws Poisson channel events from the spec's random stream, which a behavioural netlist cannot reproduce");
  const kT = KB * p.temp, z = p.z, al = p.alpha, f = (z * Q) / kT;
  const area = Math.PI * p.rac * p.rac, kbv = p.j0 * area;
  const khop = 2 * z * Q * p.cion * p.a * p.nu0 * area * Math.exp(-p.dwhop / kT);
  const x = '{s:x}', e = '{s:eta}', nc = '{s:n}', nu = '{s:nu}';
  const b = `(${num((p.a * z * Q) / (2 * kT))}/(${x}*${num(1 / NM)}+${num(p.a)}))`;
  const bv = `(${limexpE(`${num((1 - al) * f)}*${e}`)}-${limexpE(`${num(-al * f)}*${e}`)})`;
  // residual scaled by 1/(j0 A) so that it is of order 1 (the ionic currents are ~1e-18 A)
  const residual = `(${num(khop / kbv)}*${limsinhE(`${b}*({V}-${e})`)}-${bv})`;
  const phi = `(${num(kbv / (z * Q))}*${bv})`; // I_ion / (z q), 1/s
  const k = ((p.nc + al) * z * Q) / kT;
  const rp = `(${e} > 0 ? (${limexpE(`${num(k)}*${e}`)}-1)*${num(1 / p.tnuc0)} : 0)`;
  const rm = `(${e} < 0 ? (${limexpE(`${num(-k)}*${e}`)}-1)*${num(1 / p.tnuc0)} : 0)`;
  const kappa = Math.sqrt(2 * p.mstar * p.dw0) / HBAR;
  const t = `exp(${num(-2 * kappa / NM)}*max(${x}-${num(p.xlo * NM)},0))`;
  const om = (p.omega / (Math.PI * p.rfil * p.rfil)) * NM; // nm per ion
  const vx = `(${phi} > 0 ? ${num(-om)}*${phi}*${sstepE(`${nu}-${num(NUC)}`, 0.03)} : ${num(-om)}*${phi}*${sstepE(`0.5-${nc}`, 0.1)})`;
  const vn = `(${phi} > 0 ? ${phi}*${t}*${t}*${num(1 / p.natom)} : ${phi}*${num(1 / p.natom)})`;
  const stair = (s: string): string => `((${s})-sin(${num(TWO_PI)}*(${s}))/${num(TWO_PI)})`;
  return {
    states: [{ name: 'x', init: p.x0 * NM, min: 0, max: 1e-5 * NM, scale: NM }, { name: 'n', init: 0, min: 0, max: 1e6 }, { name: 'nu', init: 0, min: 0, max: 1 }],
    nodes: [{ name: 'eta', residual, init: 0 }],
    current: `({V}*(${num(p.gleak)}+${num(G0)}*(${t}+${stair(stair(`max(${nc},0)`))})))`,
    rhs: [boundGateE(vx, x, p.xlo * NM, p.len * NM, p.xEps * NM), boundGateE(vn, nc, 0, p.nmax, 0.05), `(1-${nu})*${rp}-${nu}*${rm}`],
  };
});
