/**
 * Parameters of the continuum filament solver (models.md §9.1-9.2). All SI.
 * Defaults describe a generic 10 nm TaOx/HfOx-like VCM cell with an oxygen-exchange (getter)
 * top electrode and an inert bottom electrode; values are taken from the ranges in models.md
 * §9.2 and calibrated by hand so that forming (1 V/ms sweep) happens near 2 V and SET / RESET
 * (1 V/us sweeps) below 1 V with peak temperatures below ~800 K; not a fit to one device.
 * @module physics/continuum/params
 */
import type { PhysParam } from '../param-schema.js';
import { resolvePhysParams } from '../param-schema.js';

/** Resolved continuum parameters (SI). `geometry`: 0 = axisymmetric (r,z), 1 = planar (x,z). */
export interface ContinuumParams extends Record<string, number> {
  geometry: number; width: number; thickness: number; nx: number; nz: number; dzBottom: number;
  a: number; nu: number; ea: number; zIon: number; nMax: number; n0: number; nSeed: number; seedRadius: number;
  nRes: number; kEx: number; soret: number;
  sigmaIns: number; sigmaMet: number; sigmaPow: number; eAc: number;
  tunnelRho: number; tunnelLength: number; tunnelSigma: number;
  kappa: number; lorenz: number; rhoC: number; hB: number; t0: number;
  rSeries: number; compliance: number; complianceReset: number;
  generation: number; eGen: number; pGen: number; eRec: number; eaO: number; zO: number; kExO: number;
}

const EV = 1.602176634e-19;
/** One elementary charge times one nanometre (C m): unit of the generation dipole. */
export const E_NM = 1.602176634e-19 * 1e-9;

/** The parameter table (defaults, units, ranges, meanings, sources). */
export const CONTINUUM_PARAMS: readonly PhysParam[] = [
  { name: 'geometry', default: 0, unit: '1', dim: 'dimensionless', min: 0, max: 1, integer: true, meaning: '0 = axisymmetric (r,z), 1 = planar (x,z) slab of depth = width', source: 'choice' },
  { name: 'width', default: 20e-9, unit: 'm', dim: 'length', min: 1e-9, max: 1e-6, meaning: 'cell radius (axisymmetric) or width (planar)', source: 'typical nanoscale cell' },
  { name: 'thickness', default: 10e-9, unit: 'm', dim: 'length', min: 1e-9, max: 1e-6, meaning: 'switching-layer thickness between electrodes', source: 'typical (Fig. 8 devices ~10 nm)' },
  { name: 'nx', default: 24, unit: '1', dim: 'dimensionless', min: 3, max: 400, integer: true, meaning: 'cells along r (or x)', source: 'numerics' },
  { name: 'nz', default: 20, unit: '1', dim: 'dimensionless', min: 3, max: 400, integer: true, meaning: 'cells along z', source: 'numerics' },
  { name: 'dzBottom', default: 0, unit: 'm', dim: 'length', min: 0, max: 1e-6, meaning: 'height of the row at the bottom (inert) electrode; rows grow by tanh stretching toward the top (0 = uniform rows)', source: 'numerics (Vinokur 1983 stretching; resolves a thin RESET gap)' },
  { name: 'a', default: 0.25e-9, unit: 'm', dim: 'length', min: 0.05e-9, max: 2e-9, meaning: 'ion hop distance', source: 'models.md §9.2 (JART, Stanford, PKU: 0.25 nm)' },
  { name: 'nu', default: 1e13, unit: 'Hz', dim: 'frequency', min: 1e9, max: 1e15, meaning: 'attempt frequency', source: 'models.md §9.2 (1e13 Hz)' },
  { name: 'ea', default: 0.6 * 1.602176634e-19, unit: 'J', dim: 'energy', min: 0.05 * 1.602176634e-19, max: 3 * 1.602176634e-19, meaning: 'vacancy hop activation energy', source: 'models.md §9.2 (0.6-1.35 eV; Stanford v1 0.6 eV)' },
  { name: 'zIon', default: 2, unit: '1', dim: 'dimensionless', min: 0.1, max: 4, meaning: 'ion charge number (V_O^2+)', source: 'standard' },
  { name: 'nMax', default: 1e27, unit: 'm^-3', dim: 'density', min: 1e24, max: 1e29, meaning: 'site density limit (exclusion)', source: 'models.md §9.2 (JART N up to 2e27)' },
  { name: 'n0', default: 1e25, unit: 'm^-3', dim: 'density', min: 0, max: 1e29, meaning: 'initial uniform vacancy density', source: 'assumed (1 % of nMax)' },
  { name: 'nSeed', default: 2e26, unit: 'm^-3', dim: 'density', min: 0, max: 1e29, meaning: 'vacancy density of the nucleation seed at the bottom electrode on the axis', source: 'assumed (a weak spot that localises the filament)' },
  { name: 'seedRadius', default: 3e-9, unit: 'm', dim: 'length', min: 0, max: 1e-6, meaning: 'radius and height of the seed', source: 'assumed' },
  { name: 'nRes', default: 5e26, unit: 'm^-3', dim: 'density', min: 0, max: 1e29, meaning: 'vacancy density of the top (oxygen-getter) reservoir', source: 'assumed (TaOy-like reservoir layer)' },
  { name: 'kEx', default: 1, unit: '1', dim: 'dimensionless', min: 0, max: 1, meaning: 'exchange efficiency at the reactive top electrode (0 = closed)', source: 'assumed' },
  { name: 'soret', default: 1, unit: '1', dim: 'dimensionless', min: 0, max: 10, meaning: 'multiplier of the Soret (thermophoretic) flux, S = -Ea/(kB T^2)', source: 'models.md §9.1' },
  { name: 'sigmaIns', default: 0.2, unit: 'S/m', dim: 'any', min: 1e-6, max: 1e6, meaning: 'conductivity of the stoichiometric oxide', source: 'models.md §9.2 (JART ~1 S/m at low N)' },
  { name: 'sigmaMet', default: 2e5, unit: 'S/m', dim: 'any', min: 1, max: 1e8, meaning: 'conductivity at n = nMax', source: 'models.md §9.2 (TaOx saturated 2.47e5 S/m)' },
  { name: 'sigmaPow', default: 2, unit: '1', dim: 'dimensionless', min: 1, max: 6, meaning: 'exponent p of sigma0 = sigmaIns + sigmaMet (n/nMax)^p', source: 'assumed (percolation-like onset)' },
  { name: 'eAc', default: 0.05 * 1.602176634e-19, unit: 'J', dim: 'energy', min: 0, max: 0.5 * 1.602176634e-19, meaning: 'conduction activation energy', source: 'models.md §9.1 (0.05-0.1 eV)' },
  { name: 'tunnelRho', default: 0, unit: 'Ohm m^2', dim: 'any', min: 0, max: 1, meaning: 'specific resistance rho0 of a zero-thickness insulating layer at the bottom electrode; direct tunnelling gives rho0 e^{d/lambda} for a layer d thick (0 = off)', source: 'Simmons, JAP 34, 1793 (1963); order of the Sharvin contact resistance of a metallic filament, ~1e-14 Ohm m^2' },
  { name: 'tunnelLength', default: 0.25e-9, unit: 'm', dim: 'length', min: 0.01e-9, max: 5e-9, meaning: 'decay length lambda of the tunnelling conductance with the depleted-layer thickness', source: 'models.md §4.1 (Stanford/PKU gap model g0 = 0.25 nm)' },
  { name: 'tunnelSigma', default: 1e3, unit: 'S/m', dim: 'any', min: 1e-3, max: 1e8, meaning: 'conductivity sigma_c above which a cell conducts (ends the tunnelling barrier); weight 1/(1 + (sigma/sigma_c)^2)', source: 'assumed (~0.07 nMax with the default sigma(n); the background n0 and emptied layers are barrier)' },
  { name: 'kappa', default: 3, unit: 'W/(m K)', dim: 'thermal-conductivity', min: 0.01, max: 500, meaning: 'oxide thermal conductivity', source: 'models.md §9.2 (eugnsp uses 3 W/(m K) uniform)' },
  { name: 'lorenz', default: 2.44e-8, unit: 'W Ohm/K^2', dim: 'any', min: 0, max: 1e-6, meaning: 'Wiedemann-Franz constant for the electronic heat conduction', source: 'models.md §9.2' },
  { name: 'rhoC', default: 3e6, unit: 'J/(m^3 K)', dim: 'any', min: 1e4, max: 1e8, meaning: 'volumetric heat capacity', source: 'typical oxide' },
  { name: 'hB', default: 1e10, unit: 'W/(m^2 K)', dim: 'any', min: 1e5, max: 1e14, meaning: 'electrode heat-sink conductance per area', source: 'assumed (thin-film metal contact)' },
  { name: 't0', default: 300, unit: 'K', dim: 'temperature', min: 1, max: 2000, meaning: 'ambient / electrode temperature', source: 'standard' },
  { name: 'rSeries', default: 1000, unit: 'Ohm', dim: 'resistance', min: 0, max: 1e9, meaning: 'series resistance of the external circuit', source: 'typical' },
  { name: 'compliance', default: 50e-6, unit: 'A', dim: 'current', min: 1e-9, max: 1, meaning: 'current compliance for positive (SET) bias', source: 'typical parameter-analyzer setting' },
  { name: 'complianceReset', default: 10e-3, unit: 'A', dim: 'current', min: 1e-9, max: 1, meaning: 'current compliance for negative (RESET) bias', source: 'typical (RESET sweeps run without a tight compliance)' },
  { name: 'generation', default: 0, unit: '1', dim: 'dimensionless', min: 0, max: 1, integer: true, meaning: '1 = field-driven Frenkel-pair generation (V_O + O_i) and recombination, with transported O ions (generation.ts); 0 = vacancies are only moved and exchanged', source: 'choice (off by default: the Soret ring, cycle and hand-off results are without it)' },
  { name: 'eGen', default: 1.7 * EV, unit: 'J', dim: 'energy', min: 0.3 * EV, max: 6 * EV, meaning: 'zero-field barrier E_G of Frenkel-pair generation', source: 'models.md §10.2 and §4.2: PKU MC 0.66-1 eV, Stanford&ASU E_ag 1.501 eV, lattice KMC of this project 2.4 eV (1.8 eV next to a vacancy)' },
  { name: 'pGen', default: 1.84 * E_NM, unit: 'C m', dim: 'any', min: 0, max: 6 * E_NM, meaning: 'effective dipole p of the field lowering of E_G (bond polarisation times the Lorentz local-field factor)', source: 'models.md §10.2 / §4.2: PKU MC gamma 1 e nm, lattice KMC 1.84 e nm, Stanford&ASU gamma a0 = 4.1 e nm (on the mean field)' },
  { name: 'eRec', default: 0.24 * EV, unit: 'J', dim: 'energy', min: 0.05 * EV, max: 3 * EV, meaning: 'activation energy E_R of the recombination of an O ion with a vacancy it meets (rate nu e^{-E_R/kT} per O ion times n/nMax)', source: 'models.md §10.2: PKU MC recombines an O ion with the first V_O it meets, Padovani/Larcher when O_i meets V_O: diffusion-limited, so the O-ion hop barrier eaO (the lattice KMC of this project uses 1.2 eV, the lumped Stanford&ASU gap model E_ar 1.5 eV)' },
  { name: 'eaO', default: 0.24 * EV, unit: 'J', dim: 'energy', min: 0.05 * EV, max: 3 * EV, meaning: 'hop barrier of the O ion (interstitial), same hop distance and attempt frequency as the vacancy', source: 'models.md §10.2: PKU MC O-ion mobility 2.5e-9 m^2/(V s) = hopping with a = 0.25 nm, nu = 1e13 Hz, 0.24 eV at 300 K' },
  { name: 'zO', default: 2, unit: '1', dim: 'dimensionless', min: 0.1, max: 4, meaning: 'charge number of the O ion (O^2-, drifts against the field)', source: 'standard' },
  { name: 'kExO', default: 1, unit: '1', dim: 'dimensionless', min: 0, max: 1, meaning: 'exchange efficiency of O ions at the top electrode: they leave by drift into a store per column and return from it under reverse bias (0 = closed)', source: 'as the lattice KMC (O ions stored at the top electrode, used by recombination under reverse bias)' },
];

/** Resolve user overrides (path used in errors, e.g. "filament.set"). */
export function resolveContinuumParams(set?: Record<string, unknown>, path = 'set'): ContinuumParams {
  return resolvePhysParams<ContinuumParams>(CONTINUUM_PARAMS, set, path);
}
