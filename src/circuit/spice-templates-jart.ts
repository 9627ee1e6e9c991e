/**
 * Expression template (circuit/spice-templates) of jart-vcm (JART VCM v1b). The TypeScript
 * model solves two internal unknowns by nested iterations at every evaluation: the Schottky
 * contact voltage V_S (Kirchhoff: V = V_S + I (R_disc + R_plug + R_TiOx + R_line(I))) and the
 * quasi-static temperature T = T0 + R_th I (V_S + I (R_disc + R_plug)), capped at T0 + 3000 K.
 * Here both are algebraic internal nodes (B-sources injecting the residuals) that the circuit
 * simulator solves with its Newton iteration; the disc concentration (1e26 m^-3) is the state.
 * Physical constants are folded into eV / 1e26 m^-3 numbers (ngspice's B-source division adds a
 * tiny fudge to denominators, which would shift quotients of SI products of order 1e-30).
 * @module circuit/spice-templates-jart
 */
import { EPS0, H, KB, Q } from '../units/constants.js';
import { num, registerSpiceTemplate } from './spice-templates.js';
import { limexpE, softplusE } from './spice-expr.js';

const T_CAP = 3000;

registerSpiceTemplate('jart-vcm', (p) => {
  const Nn = '{s:ndisc}', vs = '{s:vs}', T = '{s:T}', Ns = `max(${Nn},1e-9)`;
  const z = p.zvo, area = Math.PI * p.r * p.r, zqmA = z * Q * p.mun * area;
  const rd = `(${num(p.ldisc / (zqmA * 1e26))}/${Ns})`, rp = num((p.lcell - p.ldisc) / (zqmA * p.nplug * 1e26));
  const ktv = `(${num(KB / Q)}*${T})`; // kT in eV
  const eps = p.psiEps;
  const psi = `(${softplusE(`${num((p.phibn0 - p.phin) / Q)}-${vs}`, eps)}+${num(eps)})`;
  const ephi = p.epsphib * EPS0;
  const dphi = `pow(max(${num((Q * Q * Q * z * 1e26) / (8 * Math.PI * Math.PI * ephi * ephi * ephi))}*${Ns}*${psi},0),0.25)`;
  const phibE = softplusE(`${num(p.phibn0 / Q)}-${dphi}`, 1e-3), phib = '{s:phib}';
  const fwd = `(${num(area * p.astar)}*${T}*${T}*exp(-${phib}/${ktv})*(${limexpE(`${vs}/${ktv}`)}-1))`;
  const w00 = `(${num(((Q * H) / (4 * Math.PI)) * Math.sqrt((z * 1e26) / (p.mstar * p.epsr * EPS0)) / Q)}*sqrt(${Ns}))`; // eV
  const xw = `(${w00}/${ktv})`, th = `tanh(${xw})`, w0 = `(${w00}/${th})`;
  const ep = `((${xw}-${th}) > 1e-12 ? ${w00}/(${xw}-${th}) : 3*${ktv}/(${xw}*${xw}))`;
  const ch = `cosh(min(${xw},700))`;
  const rev = `(-${num(area * p.astar * (Q / KB))}*${T}*sqrt(max(${num(Math.PI)}*${w00}*(-${vs}+${phib}/(${ch}*${ch})),0))*exp(-${phib}/${w0})*(${limexpE(`-${vs}/${ep}`)}-1))`;
  // the barrier and the current are internal nodes too (the current in mA), so that the large
  // expressions are written once and ngspice differentiates small trees
  const IE = `(${vs} >= 0 ? ${fwd} : ${rev})`, I = '({s:imA}*1e-3)';
  const k = p.alphaline * p.r0 * p.rthline;
  const rdet = p.rdet / p.r, rthN = p.rth0 * rdet * rdet, rthP = rthN * p.rthScale;
  const heat = `(({V} < 0 ? ${num(rthN)} : ${num(rthP)})*${I}*(${vs}+${I}*(${rd}+${rp})))`;
  const E = `({V} < 0 ? ${I}*${rd}*${num(1 / p.ldisc)} : (${vs}+${I}*(${rd}+${rp}))*${num(1 / p.lcell)})`;
  const gam = `min(${num((z * p.a) / (Math.PI * (p.dwa / Q)))}*abs(${E}),1)`;
  const base = `(sqrt(1-${gam}*${gam})+${gam}*asin(${gam}))`;
  const dwa = p.dwa / Q, hp = Math.PI / 2;
  const flim = `(${E} < 0 ? 1-pow(max(${Nn}*${num(1 / p.nmax)},0),10) : 1-pow(${num(p.nmin)}/max(${Nn},1e-12),10))`;
  const sgn = `(${E} > 0 ? 1 : (${E} < 0 ? -1 : 0))`;
  // dN/dt = -I_ion / (A l_disc q z) / 1e26 with I_ion = sgn(E) z q c a nu0 A (e^-dWmin/kT - e^-dWmax/kT) F_lim
  const rate = `(-${sgn}*0.5*(${num(p.nplug)}+${Nn})*${num((p.a * p.nu0) / p.ldisc)}*(exp(-${num(dwa)}*(${base}-${num(hp)}*${gam})/${ktv})-exp(-${num(dwa)}*(${base}+${num(hp)}*${gam})/${ktv}))*${flim})`;
  return {
    states: [{ name: 'ndisc', init: p.n0, min: 0, max: 1000 }],
    nodes: [
      { name: 'phib', residual: `(${phibE}-${phib})`, init: p.phibn0 / Q },
      { name: 'imA', residual: `(${IE}*1e3-{s:imA})`, init: 0 },
      { name: 'vs', residual: `({V}-${vs}-${I}*(${rd}+${num(p.rtiox + p.r0 + (p.lcell - p.ldisc) / (zqmA * p.nplug * 1e26))}+${num(p.r0 * k)}*${I}*${I}))`, init: 0 },
      { name: 'T', residual: `(${num(p.t0)}+min(${heat},${T_CAP})-${T})`, init: p.t0 },
    ],
    current: I,
    rhs: [rate],
  };
});
