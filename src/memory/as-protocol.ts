/**
 * Memory protocols in the shared protocol registry: each MemoryProtocol becomes a
 * protocols/types Protocol (parameters from its options, curves as tables), so that
 * `nanoionics protocol switching-kinetics --device PRESET` and protocol specs run them like
 * any other protocol. Options whose default comes from the preset carry NaN as their
 * registry default and are left to the memory protocol to derive.
 * @module memory/as-protocol
 */
import type { Protocol, ProtocolParamDef, ProtocolResult, Table } from '../protocols/types.js';
import { registerProtocol, getProtocol } from '../protocols/registry.js';
import type { MemoryProtocol, OptionDef, ProtocolOutcome } from './protocol.js';
import { PROTOCOLS } from './registry.js';

function paramOf(o: OptionDef): ProtocolParamDef {
  const def = o.choices ? o.choices[(o.default as number | undefined) ?? 0] : o.default ?? NaN;
  return { name: o.name, dim: o.dim, unit: o.unit, meaning: o.meaning, default: def, list: o.list, integer: o.integer, choices: o.choices, min: o.min, max: o.max };
}

/** Curves of an outcome as tables (x column plus one column per series). */
export function outcomeTables(out: ProtocolOutcome): Record<string, Table> {
  const tables: Record<string, Table> = {};
  for (const [name, c] of Object.entries(out.curves)) {
    const columns: Record<string, number[]> = { x: [...c.x] };
    const units: Record<string, string> = { x: c.xUnit };
    for (const [s, y] of Object.entries(c.series)) { columns[s] = [...y]; units[s] = c.yUnit; }
    tables[name] = { columns, units };
  }
  return tables;
}

/** Wrap a memory protocol as a registry protocol. */
export function asProtocol(mp: MemoryProtocol): Protocol {
  return {
    id: mp.name,
    title: mp.summary,
    figures: 'memory figures of merit (review introduction)',
    summary: mp.summary,
    params: mp.options.map(paramOf),
    run(ctx, p): ProtocolResult {
      const raw: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(p)) if (!(typeof v === 'number' && Number.isNaN(v))) raw[k] = v;
      const messages: string[] = [];
      if (ctx.series) messages.push('memory protocols drive one device: the series device is ignored');
      try {
        const out = mp.run(ctx.device, raw, ctx.seed);
        return { protocol: mp.name, device: out.device, params: p, read: 'virtual read I(vRead)/vRead at the frozen state', metrics: out.metrics, tables: outcomeTables(out), status: 'ok', messages: [...messages, ...out.notes], runs: 0 };
      } catch (e) {
        return { protocol: mp.name, device: ctx.device.preset?.id ?? ctx.device.model.id, params: p, read: 'virtual', metrics: {}, tables: {}, status: 'failed', messages: [...messages, (e as Error).message], runs: 0 };
      }
    },
  };
}

/** Register every memory protocol once (idempotent). */
export function registerMemoryProtocols(): void {
  for (const mp of PROTOCOLS) if (!getProtocol(mp.name)) registerProtocol(asProtocol(mp));
}
registerMemoryProtocols();
