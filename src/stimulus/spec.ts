/**
 * Stimulus specs (data) -> waveforms. Units as strings or SI numbers; every error names the
 * field. PWL data from a CSV file is read by the caller (CLI) and passed in as points, so the
 * library stays free of I/O.
 * @module stimulus/spec
 */
import { parseQuantity, SpecError } from '../units/parse.js';
import { Dc, PulseTrain, Pwl, Sequence, Sine, Delayed, triangleSweep, spike, type Waveform } from './waveform.js';

/** Options for resolving file references in stimulus specs. */
export interface StimulusContext {
  /** Returns the text of a file (CSV with t,v columns) named in a pwl spec. */
  readText?: (path: string) => string;
}

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SpecError(path, v, 'a map (object)');
  return v as Obj;
}
function req(o: Obj, key: string, path: string): unknown {
  if (!(key in o) || o[key] === undefined || o[key] === null) throw new SpecError(`${path}.${key}`, undefined, 'a value (required)');
  return o[key];
}
function time(o: Obj, key: string, path: string, def?: number, allowZero = true): number {
  if (!(key in o) && def !== undefined) return def;
  const v = parseQuantity(req(o, key, path), 'time', `${path}.${key}`);
  if (v < 0 || (!allowZero && v === 0)) throw new SpecError(`${path}.${key}`, o[key], allowZero ? 'a non-negative time' : 'a positive time');
  return v;
}
function volt(o: Obj, key: string, path: string, def?: number): number {
  if (!(key in o) && def !== undefined) return def;
  return parseQuantity(req(o, key, path), 'voltage', `${path}.${key}`);
}
function count(o: Obj, key: string, path: string, def?: number): number {
  if (!(key in o) && def !== undefined) return def;
  const v = req(o, key, path);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new SpecError(`${path}.${key}`, v, 'a positive integer');
  return v;
}

const TYPES = ['dc', 'pulse', 'pulse-train', 'sweep', 'sine', 'pwl', 'sequence', 'spike'];

/** Build a waveform from its spec. */
export function stimulusFromSpec(spec: unknown, path = 'stimulus', ctx: StimulusContext = {}): Waveform {
  const o = obj(spec, path);
  const type = o.type;
  switch (type) {
    case 'dc':
      return new Dc(volt(o, 'level', path), time(o, 'duration', path, undefined, false));
    case 'pulse':
    case 'pulse-train': {
      const width = time(o, 'width', path, undefined, false);
      const rise = time(o, 'rise', path, 0), fall = time(o, 'fall', path, rise);
      const n = type === 'pulse' ? 1 : count(o, 'count', path);
      let period = rise + width + fall;
      if (type === 'pulse-train') {
        if ('frequency' in o && 'period' in o) throw new SpecError(`${path}.frequency`, o.frequency, 'either period or frequency, not both');
        if ('frequency' in o) {
          const f = parseQuantity(o.frequency, 'frequency', `${path}.frequency`);
          if (!(f > 0)) throw new SpecError(`${path}.frequency`, o.frequency, 'a positive frequency');
          period = 1 / f;
        } else if ('interval' in o) period = rise + width + fall + time(o, 'interval', path);
        else period = time(o, 'period', path, undefined, false);
        if (period < rise + width + fall) throw new SpecError(`${path}.period`, o.period ?? o.frequency, `a period of at least rise + width + fall = ${rise + width + fall} s`);
      }
      return new PulseTrain({ base: volt(o, 'base', path, 0), amplitude: volt(o, 'amplitude', path), delay: time(o, 'delay', path, 0), rise, width, fall }, period, n, time(o, 'tail', path, 0));
    }
    case 'sweep': {
      const vmax = volt(o, 'vmax', path);
      const vmin = volt(o, 'vmin', path, -vmax);
      let period: number;
      if ('rate' in o) {
        const r = parseQuantity(o.rate, 'any', `${path}.rate`);
        if (!(r > 0)) throw new SpecError(`${path}.rate`, o.rate, 'a positive sweep rate in V/s');
        period = (2 * (Math.abs(vmax) + Math.abs(vmin))) / r;
      } else period = time(o, 'period', path, undefined, false);
      return triangleSweep(vmax, vmin, period, count(o, 'cycles', path, 1));
    }
    case 'sine': {
      const f = parseQuantity(req(o, 'frequency', path), 'frequency', `${path}.frequency`);
      if (!(f > 0)) throw new SpecError(`${path}.frequency`, o.frequency, 'a positive frequency');
      const cycles = parseQuantity(o.cycles ?? 1, 'dimensionless', `${path}.cycles`);
      if (!(cycles > 0)) throw new SpecError(`${path}.cycles`, o.cycles, 'a positive number of cycles');
      return new Sine(volt(o, 'amplitude', path), f, cycles, volt(o, 'offset', path, 0), parseQuantity(o.phase ?? 0, 'dimensionless', `${path}.phase`));
    }
    case 'spike': {
      const w = new Delayed(spike(volt(o, 'amplitude', path), time(o, 'width', path, undefined, false), volt(o, 'tailAmplitude', path, 0), time(o, 'tailWidth', path, 0), time(o, 'edge', path, 0)), time(o, 'delay', path, 0));
      return w;
    }
    case 'pwl': {
      let pts: Array<[number, number]>;
      if ('file' in o) {
        if (!ctx.readText) throw new SpecError(`${path}.file`, o.file, 'inline points: files can only be read from the command line');
        pts = parsePwlCsv(ctx.readText(String(o.file)), `${path}.file(${String(o.file)})`);
      } else {
        const raw = req(o, 'points', path);
        if (!Array.isArray(raw) || raw.length < 2) throw new SpecError(`${path}.points`, raw, 'a list of at least two [time, voltage] pairs');
        pts = raw.map((pt, k) => {
          if (!Array.isArray(pt) || pt.length !== 2) throw new SpecError(`${path}.points[${k}]`, pt, 'a [time, voltage] pair');
          return [parseQuantity(pt[0], 'time', `${path}.points[${k}][0]`), parseQuantity(pt[1], 'voltage', `${path}.points[${k}][1]`)];
        });
      }
      for (let k = 1; k < pts.length; k++) if (!(pts[k][0] >= pts[k - 1][0])) throw new SpecError(`${path}.points[${k}]`, pts[k][0], `a time not earlier than the previous point (${pts[k - 1][0]} s)`);
      const tail = time(o, 'tail', path, 0);
      if (tail > 0) pts.push([pts[pts.length - 1][0] + tail, pts[pts.length - 1][1]]);
      return new Pwl(pts.map((p) => p[0]), pts.map((p) => p[1]));
    }
    case 'sequence': {
      const segs = req(o, 'segments', path);
      if (!Array.isArray(segs) || !segs.length) throw new SpecError(`${path}.segments`, segs, 'a non-empty list of stimulus specs');
      return new Sequence(segs.map((s, k) => stimulusFromSpec(s, `${path}.segments[${k}]`, ctx)));
    }
    default:
      throw new SpecError(`${path}.type`, type, `one of ${TYPES.join(', ')}`);
  }
}

/** Parse "t,v" CSV text (header optional, '#' comments) into points. */
export function parsePwlCsv(text: string, path: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  text.split(/\r?\n/).forEach((line, k) => {
    const s = line.trim();
    if (!s || s.startsWith('#')) return;
    const cells = s.split(/[,;\t ]+/);
    const a = Number(cells[0]), b = Number(cells[1]);
    if (cells.length < 2 || !Number.isFinite(a) || !Number.isFinite(b)) {
      if (out.length === 0 && k === 0) return; // header
      throw new SpecError(`${path} line ${k + 1}`, s, 'two numbers: time (s), voltage (V)');
    }
    out.push([a, b]);
  });
  if (out.length < 2) throw new SpecError(path, text.slice(0, 40), 'at least two data rows');
  return out;
}

