/**
 * The protocol contract. A protocol is a function from a resolved device (plus an optional
 * series device and the measurement circuit) and validated protocol parameters to stimulus
 * plans run through `simulate()`, and a metric extractor. Plasticity comes out of the device
 * dynamics: protocols only apply voltages and read conductances.
 *
 * Reads are either the recorder's virtual read (the `g` column: I(V_read)/V_read at the frozen
 * state, non-perturbing) or real read pulses of amplitude V_read (conductance = I/V at the
 * middle of the pulse, the pulse acts on the device like any other). Every result says which.
 * @module protocols/types
 */
import type { DeviceRef } from '../experiment/device-spec.js';
import type { Circuit } from '../circuit/measure.js';
import type { Metric } from '../experiment/run.js';
import type { Dimension } from '../units/parse.js';
import type { Method } from '../experiment/spec.js';
import type { ResolvedMultiTerminal } from '../devices/multi-terminal.js';

/** One documented protocol parameter (SI inside, units at the edge). */
export interface ProtocolParamDef {
  readonly name: string;
  readonly dim: Dimension;
  /** SI unit for display. */
  readonly unit: string;
  /** Default: a number, a list of numbers, or a choice name. */
  readonly default: number | readonly number[] | string;
  readonly meaning: string;
  readonly list?: boolean;
  readonly integer?: boolean;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

/** Resolved parameter values. */
export type ProtocolParams = Record<string, number | number[] | string>;

/** What a protocol runs on. */
export interface ProtocolContext {
  /** The two-terminal device (absent for multi-terminal protocols, which use `multi`). */
  device: DeviceRef;
  /** A multi-terminal system (heterosynaptic protocol). */
  multi?: ResolvedMultiTerminal;
  /** Second device in series (diffusive + drift); the weight is then the series device's conductance. */
  series?: DeviceRef;
  circuit: Circuit;
  seed: number;
  /** Integration method (default auto: Rosenbrock for stiff models, DOPRI5 otherwise). */
  method?: Method;
}

/** A table of columns for plotting and CSV. */
export interface Table {
  columns: Record<string, number[]>;
  units: Record<string, string>;
}

/** Outcome of a protocol. */
export interface ProtocolResult {
  protocol: string;
  device: string;
  series?: string;
  params: ProtocolParams;
  /** How conductance was read. */
  read: string;
  metrics: Record<string, Metric>;
  /** Named tables (e.g. `curve`, `fit`, `summary`). */
  tables: Record<string, Table>;
  /** 'ok', or 'failed' when a simulation did not complete (messages say why). */
  status: 'ok' | 'failed';
  messages: string[];
  /** Number of simulate() runs. */
  runs: number;
}

/** A protocol: parameters, per-preset defaults, and the run. */
export interface Protocol {
  readonly id: string;
  readonly title: string;
  /** Review figure panels it reproduces. */
  readonly figures: string;
  readonly summary: string;
  readonly params: readonly ProtocolParamDef[];
  /** The device is a multi-terminal system (devices/multi-terminal), not a two-terminal preset. */
  readonly multiTerminal?: boolean;
  run(ctx: ProtocolContext, p: ProtocolParams): ProtocolResult;
}
