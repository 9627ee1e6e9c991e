/**
 * The no-memory control of a reservoir: the same device model with its volatile dynamics
 * switched off, so that its state after a stream is the sum of the pulses' increments and does
 * not depend on when they came (a device that counts). Comparing a task's accuracy on the
 * device with and without these terms measures what the short-term memory contributes.
 *
 * Per model, the parameter values that remove the relaxation (each inside the parameter's
 * documented range):
 *  - wox-chang: tau1 = tau2 = tau3 = 1e12 s (every relaxation mode frozen; consolidation then
 *    only moves content between modes and leaves w unchanged);
 *  - wox-du:    tau_c = 1e12 s and kappa = 0 (no relaxation of c, no mobility enhancement);
 *  - diffusive: gamma1 = gamma2 = 0 and kappa = 0 (no spontaneous relaxation or rupture).
 * Other models need explicit overrides (the CLI's --control-set).
 * @module network/reservoir/control
 */

/** Parameter overrides that switch off the short-term dynamics, by model id. */
export const NO_RELAXATION: Readonly<Record<string, Readonly<Record<string, number>>>> = Object.freeze({
  'wox-chang': Object.freeze({ tau1: 1e12, tau2: 1e12, tau3: 1e12 }),
  'wox-du': Object.freeze({ tauC: 1e12, kappa: 0 }),
  diffusive: Object.freeze({ gamma1: 0, gamma2: 0, kappa: 0 }),
});
