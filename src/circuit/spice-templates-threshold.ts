/**
 * Expression templates (circuit/spice-templates) of the threshold / gap compact models:
 * vteam, yakopcic and stanford-pku, term for term as their TypeScript rhs/current.
 * Lengths are exported in nm (a state node of 1e-9 V would sit below ngspice's vntol).
 * @module circuit/spice-templates-threshold
 */
import { KB, Q } from '../units/constants.js';
import { SpecError } from '../units/parse.js';
import { num, registerSpiceTemplate } from './spice-templates.js';
import { boundGateE, limexpE, limsinhE, powE, sstepE } from './spice-expr.js';

const NM = 1e9;

registerSpiceTemplate('vteam', (p) => {
  const x = `({s:x}/${num(NM)})`, u = `((${x}-${num(p.xon)})/${num(p.xoff - p.xon)})`;
  const r = p.iv === 0 ? `(${num(p.ron)}+${num(p.roff - p.ron)}*${u})` : `(${num(p.ron)}*exp(${num(Math.log(p.roff / p.ron))}*${u}))`;
  const kvOff = p.window === 1 ? `*exp(-exp(min((${x}-${num(p.aoff)})/${num(p.wc)},700)))` : '';
  const kvOn = p.window === 1 ? `*exp(-exp(min(-(${x}-${num(p.aon)})/${num(p.wc)},700)))` : '';
  const rate = `({V} > ${num(p.voff)} ? ${num(p.koff)}*${powE(`{V}/${num(p.voff)}-1`, p.alphaoff)}${kvOff} : ({V} < ${num(p.von)} ? ${num(p.kon)}*${powE(`{V}/${num(p.von)}-1`, p.alphaon)}${kvOn} : 0))`;
  return {
    states: [{ name: 'x', init: p.x0 * NM, min: 0, max: 1e-6 * NM, scale: NM }],
    current: `({V}/${r})`,
    rhs: [`${num(NM)}*${boundGateE(rate, x, p.xon, p.xoff, p.gateEps * (p.xoff - p.xon))}`],
  };
});

registerSpiceTemplate('yakopcic', (p) => {
  const x = '{s:x}';
  const g = `({V} > ${num(p.vp)} ? ${num(p.ap)}*(${limexpE('{V}')}-${num(Math.exp(p.vp))}) : ({V} < ${num(-p.vn)} ? ${num(-p.an)}*(${limexpE('-{V}')}-${num(Math.exp(p.vn))}) : 0))`;
  const fp = `(${x} >= ${num(p.xp)} ? exp(${num(-p.alphap)}*(${x}-${num(p.xp)}))*((${num(p.xp)}-${x})/${num(1 - p.xp)}+1) : 1)`;
  const fn = `(${x} <= ${num(1 - p.xn)} ? exp(${num(p.alphan)}*(${x}+${num(p.xn - 1)}))*(${x}/${num(1 - p.xn)}) : 1)`;
  const f = `(${num(p.eta)}*{V} >= 0 ? ${fp} : ${fn})`;
  return {
    states: [{ name: 'x', init: p.x0, min: 0, max: 1 }],
    current: `(({V} >= 0 ? ${num(p.a1)} : ${num(p.a2)})*${x}*${limsinhE(`${num(p.b)}*{V}`)})`,
    // EPS = 1e-3: the bound-gate width of devices/models/yakopcic.ts
    rhs: [boundGateE(`${num(p.eta)}*${g}*${f}`, x, 0, 1, 1e-3)],
  };
});

registerSpiceTemplate('stanford-pku', (p) => {
  // gap in nm; the temperature (K) is a state only in the dynamic thermal mode. The Euler-
  // Maruyama gap noise (sigmaG > 0) is a random jump process and is refused.
  if (p.sigmaG > 0) throw new SpecError('export', `sigmaG=${p.sigmaG}`, "sigmaG=0: the gap noise draws Euler-Maruyama increments from the spec's random stream, which a behavioural netlist cannot reproduce");
  const g = `({s:g}/${num(NM)})`;
  const cur = `(${num(p.i0)}*exp(-${g}/${num(p.g0)})*${limsinhE(`{V}/${num(p.v0)}`)})`;
  const dyn = p.thermal === 1;
  const T = dyn ? '{s:T}' : `(${num(p.t0)}+abs({V}*${cur})*${num(p.rth)})`;
  // energies in eV: ngspice's B-source division adds a tiny fudge to the denominator, which
  // shifts a quotient of order 1e-29 J (a0 q / (tox kT) in SI) by 4e-4 relative
  const kT = `(${num(KB / Q)}*max(${T},1))`;
  const g0v = `(${num(p.gamma0r)}+${num(p.gamma0 - p.gamma0r)}*${sstepE('{V}', 1e-3)})`;
  let gam = `(${g0v}-${num(p.beta)}*${powE(`${g}/${num(p.g1)}`, p.alpha)})`;
  if (p.fmin > 0) gam = `(${gam}*${sstepE(`abs(${gam}*{V})/${num(p.tox)}-${num(p.fmin)}`, p.fminEps * p.fmin)})`;
  const u = `(${gam}*${num(p.a0 / p.tox)}*{V}/${kT})`;
  const rate = p.kinetics === 0
    ? `(${num(-p.vel0)}*exp(${num(-p.ea / Q)}/${kT})*${limsinhE(u)})`
    : `(${num(-p.vel0)}*(${limexpE(`${num(-p.ea / Q)}/${kT}+${u}`)}-${limexpE(`${num(-p.ear / Q)}/${kT}-${u}`)}))`;
  const states = [{ name: 'g', init: p.gini * NM, min: 0, max: 1e-7 * NM, scale: NM }];
  const rhs = [`${num(NM)}*${boundGateE(rate, g, p.gmin, p.gmax, p.gEps)}`];
  if (dyn) {
    states.push({ name: 'T', init: p.t0, min: 0, max: 1e4, scale: 1 });
    rhs.push(`(abs({V}*${cur})*${num(p.rth)}-({s:T}-${num(p.t0)}))/${num(p.tauth)}`);
  }
  return { states, current: cur, rhs };
});
