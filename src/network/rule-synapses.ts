/**
 * `rule` synapses: pair-based STDP with exponential traces, the rule of the Brian2 baseline
 * (baselines/snn/stdp_brian.py), the reference against which device synapses are read:
 *
 *   on a pre spike:   target_post += w;  a_pre += A_pre;   w = clip(w + a_post, w_min, w_max)
 *   on a post spike:  a_post += A_post;  w = clip(w + a_pre, w_min, w_max)
 *   between events:   da_pre/dt = -a_pre / tau_pre,  da_post/dt = -a_post / tau_post
 *
 * The traces are event-driven: they decay exactly (a e^{-(t - t_last)/tau}) when next used.
 * In Brian2 they are synaptic variables, but a_pre of synapse (i, j) depends only on the
 * spikes of pre neuron i and a_post only on those of post neuron j, so they are stored once
 * per neuron; the numbers are the same. Order inside the synapse phase is Brian2's: every pre
 * pathway (order -1) before every post pathway (order +1), so a pre and a post spike in the
 * same step see the pre update first. The weight delivered is the weight before the update.
 * With A_pre = A_post = 0 the synapses are static.
 * @module network/rule-synapses
 */
import type { Connectivity } from './connectivity.js';
import type { SpikingGroup, SynapseGroup } from './types.js';

/** Resolved (SI) parameters of the STDP rule. */
export interface StdpRule {
  tauPre: number;
  tauPost: number;
  /** Trace increment per pre spike (weight units). */
  aPre: number;
  /** Trace increment per post spike (weight units; negative for depression). */
  aPost: number;
  wMin: number;
  wMax: number;
}

/** Pair-based STDP synapses with exponential traces. */
export class RuleSynapses implements SynapseGroup {
  readonly kind = 'rule' as const;
  readonly n: number;
  readonly preIndex: Int32Array;
  readonly postIndex: Int32Array;
  /** Weights (the synapses' state). */
  readonly w: Float64Array;
  /** Trace a_pre of each pre neuron at its time tPre (s). */
  readonly aPreTrace: Float64Array;
  readonly aPostTrace: Float64Array;
  private readonly tPre: Float64Array;
  private readonly tPost: Float64Array;
  private readonly apostNow: Float64Array;
  private readonly apreNow: Float64Array;
  private target: Float64Array | undefined;
  private dt = NaN;
  readonly status = 'ok' as const;
  readonly message = 'ok';

  /**
   * @param targetName the post group's input variable that a pre spike adds w to (ge, gi, I),
   *   or null for none
   * @param w0 initial weights, one per synapse (copied)
   */
  constructor(readonly name: string, readonly pre: SpikingGroup, readonly post: SpikingGroup, readonly conn: Connectivity,
    readonly targetName: string | null, w0: ArrayLike<number>, readonly rule: StdpRule) {
    if (w0.length !== conn.n) throw new RangeError(`${name}: ${w0.length} initial weights for ${conn.n} synapses`);
    this.n = conn.n;
    this.preIndex = conn.pre;
    this.postIndex = conn.post;
    this.w = Float64Array.from(w0);
    this.aPreTrace = new Float64Array(pre.n);
    this.aPostTrace = new Float64Array(post.n);
    this.tPre = new Float64Array(pre.n);
    this.tPost = new Float64Array(post.n);
    this.apostNow = new Float64Array(post.n);
    this.apreNow = new Float64Array(pre.n);
  }

  prepare(dt: number): void {
    this.dt = dt;
    this.target = this.targetName === null ? undefined : this.post.input(this.targetName);
    if (this.targetName !== null && !this.target) throw new RangeError(`${this.name}.target: ${this.targetName} is not an input of group ${this.post.name} (${this.post.inputNames.join(', ') || 'none'})`);
  }

  onPre(step: number): void {
    const pre = this.pre, cnt = pre.spikeCount;
    if (cnt === 0) return;
    const t = step * this.dt, r = this.rule, c = this.conn;
    const apost = this.aPostTrace, tPost = this.tPost, now = this.apostNow, nPost = this.post.n;
    const ip = -1 / r.tauPost;
    for (let j = 0; j < nPost; j++) now[j] = apost[j] === 0 ? 0 : apost[j] * Math.exp((t - tPost[j]) * ip);
    const w = this.w, post = c.post, os = c.outStart, syn = c.outSyn, tg = this.target, lo = r.wMin, hi = r.wMax;
    const apre = this.aPreTrace, tPre = this.tPre, iq = -1 / r.tauPre, spikes = pre.spikes;
    for (let s = 0; s < cnt; s++) {
      const i = spikes[s];
      apre[i] = apre[i] * Math.exp((t - tPre[i]) * iq) + r.aPre;
      tPre[i] = t;
      for (let q = os[i], e = os[i + 1]; q < e; q++) {
        const k = syn[q], j = post[k];
        if (tg) tg[j] += w[k];
        const x = w[k] + now[j];
        w[k] = x < lo ? lo : x > hi ? hi : x;
      }
    }
  }

  onPost(step: number): void {
    const postG = this.post, cnt = postG.spikeCount;
    if (cnt === 0) return;
    const t = step * this.dt, r = this.rule, c = this.conn;
    const apre = this.aPreTrace, tPre = this.tPre, now = this.apreNow, nPre = this.pre.n;
    const iq = -1 / r.tauPre;
    for (let i = 0; i < nPre; i++) now[i] = apre[i] === 0 ? 0 : apre[i] * Math.exp((t - tPre[i]) * iq);
    const w = this.w, pre = c.pre, is = c.inStart, syn = c.inSyn, lo = r.wMin, hi = r.wMax;
    const apost = this.aPostTrace, tPost = this.tPost, ip = -1 / r.tauPost, spikes = postG.spikes;
    for (let s = 0; s < cnt; s++) {
      const j = spikes[s];
      apost[j] = apost[j] * Math.exp((t - tPost[j]) * ip) + r.aPost;
      tPost[j] = t;
      for (let q = is[j], e = is[j + 1]; q < e; q++) {
        const k = syn[q];
        const x = w[k] + now[pre[k]];
        w[k] = x < lo ? lo : x > hi ? hi : x;
      }
    }
  }

  weights(_step: number, out: Float64Array): void { out.set(this.w); }
}
