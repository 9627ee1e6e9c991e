/**
 * Pieces shared by the protocols: the read parameters, preset-derived amplitudes, result
 * assembly and table helpers.
 * @module protocols/common
 */
import type { Metric } from '../experiment/run.js';
import { describeRead, type ReadSettings } from './plan.js';
import { num, pp, str } from './params.js';
import type { ProtocolContext, ProtocolParamDef, ProtocolParams, ProtocolResult, Table } from './types.js';

/** Read parameters every protocol takes. */
export const READ_PARAMS: readonly ProtocolParamDef[] = [
  pp('read', 'virtual', 'dimensionless', '1', 'read mode: virtual (recorder g column, non-perturbing) or pulse (real read pulses)', { choices: ['virtual', 'pulse'] }),
  pp('vRead', 0.1, 'voltage', 'V', 'read voltage'),
  pp('readWidth', 1e-6, 'time', 's', 'width of a real read pulse', { min: 0 }),
];

/** Read settings from resolved parameters. */
export function readSettings(p: ProtocolParams): ReadSettings {
  return { mode: str(p, 'read') as ReadSettings['mode'], vRead: num(p, 'vRead'), width: num(p, 'readWidth') };
}

/** Identification of the device(s) for results. */
export function deviceIds(ctx: ProtocolContext): { device: string; series?: string } {
  if (ctx.multi) return { device: ctx.multi.preset?.id ?? ctx.multi.model.id };
  return { device: ctx.device.preset?.id ?? ctx.device.model.id, series: ctx.series ? ctx.series.preset?.id ?? ctx.series.model.id : undefined };
}

/** Collects metrics, tables and messages while a protocol runs. */
export class ResultBuilder {
  readonly metrics: Record<string, Metric> = {};
  readonly tables: Record<string, Table> = {};
  readonly messages: string[] = [];
  runs = 0;
  failed = false;
  constructor(readonly protocol: string, readonly ctx: ProtocolContext, readonly params: ProtocolParams) {}
  metric(name: string, value: number, unit: string, meaning: string): void { this.metrics[name] = { value, unit, meaning }; }
  /** Record the outcome of one simulate() run. */
  ran(ok: boolean, message: string): boolean {
    this.runs++;
    if (!ok) { this.failed = true; this.messages.push(message); }
    return ok;
  }
  table(name: string, columns: Record<string, number[]>, units: Record<string, string>): void { this.tables[name] = { columns, units }; }
  note(msg: string): void { this.messages.push(msg); }
  finish(): ProtocolResult {
    return {
      protocol: this.protocol, ...deviceIds(this.ctx), params: this.params,
      read: describeRead(readSettings(this.params)),
      metrics: this.metrics, tables: this.tables,
      status: this.failed ? 'failed' : 'ok', messages: this.messages, runs: this.runs,
    };
  }
}

/** Polarity that potentiates (SETs) the weight device: the series device's when there is one. */
export function setSign(ctx: ProtocolContext): 1 | -1 {
  return (ctx.series ?? ctx.device).model.setPolarity;
}

/** Sample n points of a smooth curve f on log-spaced x for plotting. */
export function curve(f: (x: number) => number, lo: number, hi: number, n = 60): { x: number[]; y: number[] } {
  const x: number[] = [], y: number[] = [];
  for (let k = 0; k < n; k++) {
    const v = lo * Math.pow(hi / lo, k / (n - 1));
    x.push(v); y.push(f(v));
  }
  return { x, y };
}
