/**
 * `stm-ltm`: the short- to long-term memory transition (review Fig. 5d; Chang, Jo, Lu 2011):
 * for each pulse count K (5 ... 40) apply K pulses, read the decay and fit the stretched
 * exponential; tau(K) grows with K (rehearsal), 0 < beta <= 1.
 * @module protocols/stm-ltm
 */
import { list, pp } from './params.js';
import { READ_PARAMS, ResultBuilder } from './common.js';
import { DECAY_PARAMS, stimulateAndDecay } from './retention.js';
import type { Protocol } from './types.js';

export const stmLtmProtocol: Protocol = {
  id: 'stm-ltm',
  title: 'Short- to long-term memory transition',
  figures: 'Fig. 5d',
  summary: 'K pulses for K in a list, then retention; tau(K), beta(K), retained fraction',
  params: [pp('counts', [5, 10, 20, 40], 'dimensionless', '1', 'pulse counts K', { integer: true, min: 1, max: 10000 }), ...DECAY_PARAMS, ...READ_PARAMS],
  run(ctx, p) {
    const b = new ResultBuilder('stm-ltm', ctx, p);
    const K = list(p, 'counts');
    const tau: number[] = [], tauErr: number[] = [], beta: number[] = [], betaErr: number[] = [], retained: number[] = [], r2: number[] = [];
    const decay: Record<string, number[]> = {}, units: Record<string, string> = { t: 's' };
    for (const k of K) {
      const d = stimulateAndDecay(ctx, p, k);
      b.ran(d.run.ok, `K = ${k}: ${d.run.message}`);
      tau.push(d.fit.params.tau.value); tauErr.push(d.fit.params.tau.error);
      beta.push(d.fit.params.beta.value); betaErr.push(d.fit.params.beta.error);
      r2.push(d.fit.r2);
      retained.push((d.g[d.g.length - 1] - d.g0) / (d.g[0] - d.g0));
      decay.t = d.t;
      decay[`g_K${k}`] = d.g; units[`g_K${k}`] = 'S';
    }
    b.table('summary', { pulses: K, tau, tauError: tauErr, beta, betaError: betaErr, retained, r2 }, { pulses: '1', tau: 's', tauError: 's', beta: '1', betaError: '1', retained: '1', r2: '1' });
    b.table('decay', decay, units);
    const last = K.length - 1;
    b.metric('tauFirst', tau[0], 's', `tau after ${K[0]} pulses`);
    b.metric('tauLast', tau[last], 's', `tau after ${K[last]} pulses`);
    b.metric('tauRatio', tau[last] / tau[0], '1', `tau(${K[last]}) / tau(${K[0]})`);
    b.metric('tauMonotone', tau.every((x, k) => k === 0 || x >= tau[k - 1]) ? 1 : 0, '1', '1 when tau does not decrease with K');
    b.metric('betaMin', Math.min(...beta), '1', 'smallest fitted beta');
    b.metric('betaMax', Math.max(...beta), '1', 'largest fitted beta');
    b.metric('retainedFirst', retained[0], '1', `fraction retained at tMax after ${K[0]} pulses`);
    b.metric('retainedLast', retained[last], '1', `fraction retained at tMax after ${K[last]} pulses`);
    return b.finish();
  },
};
