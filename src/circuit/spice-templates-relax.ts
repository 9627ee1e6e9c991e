/**
 * Expression templates (circuit/spice-templates) of the relaxation / thermal compact models:
 * wox-chang, wox-du, thermal-second-order and mott-thermal, term for term as their TypeScript
 * rhs/current. Energies are written in eV and divisions by small constants as products with
 * their reciprocals (ngspice's B-source division adds a tiny fudge to the denominator).
 * @module circuit/spice-templates-relax
 */
import { KB, Q } from '../units/constants.js';
import { num, registerSpiceTemplate } from './spice-templates.js';
import { limexpE, limsinhE, powE, softplusE, sstepE, wallE } from './spice-expr.js';

/** (1 - w) alpha (1 - e^{-beta V}) + w gamma sinh(delta V): the WOx Schottky + tunnelling current. */
function woxCurrent(p: Record<string, number>, w: string): string {
  return `((1-${w})*${num(p.alpha)}*(1-${limexpE(`-${num(p.beta)}*{V}`)})+${w}*${num(p.gamma)}*${limsinhE(`${num(p.delta)}*{V}`)})`;
}
/** cosh(a) - 1 as (limexp(a) + limexp(-a))/2 - 1. */
const coshm1 = (a: string): string => `(0.5*(${limexpE(a)}+${limexpE(`-(${a})`)})-1)`;

registerSpiceTemplate('wox-chang', (p) => {
  const w = `(${num(p.wInf)}+{s:u1}+{s:u2}+{s:u3})`, e2 = `${num(p.eta2)}*{V}`;
  const D = wallE(`${num(p.lambda * p.eta1)}*${limsinhE(e2)}`, w, 0, 1, p.eps);
  const A = `(${num(p.nuC)}*${coshm1(e2)})`;
  return {
    states: [{ name: 'u1', init: 0, min: -1, max: 1 }, { name: 'u2', init: 0, min: -1, max: 1 }, { name: 'u3', init: 0, min: -1, max: 1 }],
    current: woxCurrent(p, `min(max(${w},0),1)`),
    rhs: [`${D}-{s:u1}*${num(1 / p.tau1)}-${A}*{s:u1}`, `${A}*{s:u1}-{s:u2}*${num(1 / p.tau2)}-${A}*{s:u2}`, `${A}*{s:u2}-{s:u3}*${num(1 / p.tau3)}`],
  };
});

registerSpiceTemplate('wox-du', (p) => {
  const c = '{s:c}', m = '{s:m}';
  const d0 = `(${num(p.lambda)}*(1+${num(p.kappa)}*${m})*${limsinhE(`${num(p.rho)}*{V}`)})`;
  const drift = `(${d0} > 0 ? ${d0}*(1-${powE(c, p.q)}) : ${d0}*(1-${powE(`1-${c}`, p.qS)}))`;
  const relax = `(-(${c}-${num(p.cMin)})*${num(1 / p.tauC)})`;
  return {
    states: [{ name: 'c', init: p.c0, min: 0, max: 1 }, { name: 'm', init: p.m0, min: 0, max: 1 }],
    current: woxCurrent(p, c),
    rhs: [wallE(`${drift}+${relax}`, c, 0, 1, p.eps), `${num(p.nuM)}*${coshm1(`${num(p.rhoM)}*{V}`)}*(1-${m})-${m}*${num(1 / p.tauM)}`],
  };
});

registerSpiceTemplate('thermal-second-order', (p) => {
  const w = '{s:w}', kT = `(${num(KB / Q)}*max({s:T},1))`;
  const r0 = `(${num(p.nu)}*${limexpE(`-${num(p.ea / Q)}/${kT}`)}*${limsinhE(`${num(p.a / (2 * p.d))}*{V}/${kT}`)})`;
  const g = `(${num(p.gOff)}+${num(p.gOn - p.gOff)}*${w})`;
  return {
    states: [{ name: 'w', init: p.w0, min: 0, max: 1 }, { name: 'T', init: p.t0, min: 0, max: 1e4 }],
    current: `(${g}*{V})`,
    rhs: [wallE(`(${r0} > 0 ? ${r0}*(1-${powE(w, p.q)}) : ${r0}*(1-${powE(`1-${w}`, p.q)}))`, w, 0, 1, p.eps),
      `${g}*{V}*{V}*${num(1 / p.cth)}-({s:T}-${num(p.t0)})*${num(1 / p.tauTh)}`],
  };
});

registerSpiceTemplate('mott-thermal', (p) => {
  // with cdev > 0 the capacitor voltage vc is a third state (I = (V - vc)/R_s)
  const T = '{s:T}', m = '{s:m}', cap = p.cdev > 0;
  const R = `(${num(p.r0)}*exp(min(${num(p.ea)}/max(${T},1),700))*(1-${m})+${num(p.rm)})`;
  const pw = cap ? `({s:vc}*{s:vc}/${R})` : `(({V}/(${num(p.rs)}+${R}))*({V}/(${num(p.rs)}+${R}))*${R})`;
  const hw = 0.5 * p.w;
  const mh = `(0.5-0.5*tanh(${num(p.beta)}*(${num(p.tc + hw)}-${T})))`, mc = `(0.5-0.5*tanh(${num(p.beta)}*(${num(p.tc - hw)}-${T})))`;
  const states = [{ name: 'T', init: p.t0, min: 0, max: 1e4 }, { name: 'm', init: 0, min: 0, max: 1 }];
  const rhs = [`(${pw}-${num(p.se)}*(${T}-${num(p.t0)}))*${num(1 / p.cth)}`, `(${softplusE(`${mh}-${m}`, 1e-4)}-${softplusE(`${m}-${mc}`, 1e-4)})*${num(1 / p.taum)}`];
  if (cap) {
    states.push({ name: 'vc', init: 0, min: -1e4, max: 1e4 });
    rhs.push(`(({V}-{s:vc})/${num(p.rs)}-{s:vc}/${R})*${num(1 / p.cdev)}`);
  }
  return { states, current: cap ? `(({V}-{s:vc})/${num(p.rs)})` : `({V}/(${num(p.rs)}+${R}))`, rhs };
});

registerSpiceTemplate('metaplastic-filament', (p) => {
  const pos = '{s:p}', l = '{s:l}', w = '{s:w}', t0 = num(p.t0);
  const kT = `(${num(KB / Q)}*max({s:T},1))`;
  const gt = `max(1-${pos}-0.5*${l},0)`, gb = `max(${pos}-0.5*${l},0)`;
  const R = `((${num(p.rf)}+${num(p.rg)}*((exp(${gt}/${num(p.lambda)})-1)+(exp(${gb}/${num(p.lambda)})-1)))/max(${w},1e-6))`;
  const ratP = `(${num(p.nuP)}*${limexpE(`-${num(p.eP / Q)}/${kT}`)}*${limsinhE(`{V}/${num(p.vP)}`)})`;
  const ratL = `(${num(p.nuL)}*${limexpE(`-${num(p.eL / Q)}/${kT}`)}*${limsinhE(`{V}/${num(p.vL)}`)})`;
  const theta = `(${softplusE(`{s:T}-${t0}`, 1)}/${num(p.dTw)})`;
  // wall bounds of p move with l: [l/2, 1 - l/2]
  const wallP = `((-${ratP}) > 0 ? (-${ratP})*tanh(((1-0.5*${l})-${pos})/${num(p.d)}) : (-${ratP})*tanh((${pos}-0.5*${l})/${num(p.d)}))`;
  return {
    states: [{ name: 'p', init: p.p0, min: 0, max: 1 }, { name: 'l', init: p.l0, min: 0, max: 1 }, { name: 'w', init: p.w0, min: 0, max: 1 }, { name: 'T', init: p.t0, min: 0, max: 1e4 }],
    current: `({V}/${R})`,
    rhs: [wallP, wallE(ratL, l, p.lMin, p.lMax, p.d),
      `${num(p.nuW)}*${limexpE(`-${num(p.eW / Q)}/${kT}`)}*(${theta}*(1-${w})-(${w}-${num(p.wMin)}))`,
      `{V}*{V}/${R}*${num(1 / p.cth)}-({s:T}-${t0})*${num(1 / p.tauTh)}`],
  };
});

registerSpiceTemplate('activated-filament', (p) => {
  const w = '{s:w}', q = '{s:q}';
  const g = `(${num(p.goff)}*exp(${w}*${num(Math.log(p.gon / p.goff))}))`;
  const I = `(${g}*${num(p.vnl)}*${limsinhE(`{V}/${num(p.vnl)}`)})`;
  const kT = `(${num(KB / Q)}*(${num(p.tamb)}+${num(p.rth)}*abs(${I}*{V})))`; // eV
  const z = (ea: number, v: string, v0: number): string => `(${limexpE(`-${num(ea)}/${kT}`)}*${limsinhE(`${v}/${num(v0)}`)})`;
  const zs = z(p.easet, '{V}', p.vset0), zr = z(p.eareset, '(-{V})', p.vreset0);
  const rs = `({V} > 0 ? ${num(p.nuset)}*${zs}/(1+${zs}) : 0)`, rr = `({V} < 0 ? ${num(p.nureset)}*${zr}/(1+${zr}) : 0)`;
  const rret = `(${num(p.nuret)}*${limexpE(`-${num(p.earet)}/${kT}`)})`;
  const dq = p.qwear === Infinity ? '0' : `(1-${q})*abs(${I})*${sstepE(`abs({V})-${num(p.vwear)}`, 0.02)}*${num(1 / p.qwear)}`;
  return {
    states: [{ name: 'w', init: p.w0, min: 0, max: 1 }, { name: 'q', init: 0, min: 0, max: 1 }],
    current: I,
    rhs: [`${rs}*(1-${w})-(${rr}+${rret})*(${w}-${num(p.cwear)}*${q})`, dq],
  };
});
