/**
 * Physical constants in SI units (CODATA 2018 exact values where defined).
 * @module units/constants
 */

/** Elementary charge, C (exact). */
export const Q = 1.602176634e-19;
/** Boltzmann constant, J/K (exact). */
export const KB = 1.380649e-23;
/** Boltzmann constant in eV/K. */
export const KB_EV = KB / Q;
/** Planck constant, J s (exact). */
export const H = 6.62607015e-34;
/** Reduced Planck constant, J s. */
export const HBAR = H / (2 * Math.PI);
/** Conductance quantum G0 = 2 e^2 / h, S (7.748091729e-5 S). */
export const G0 = (2 * Q * Q) / H;
/** Vacuum permittivity, F/m. */
export const EPS0 = 8.8541878128e-12;
/** Electron rest mass, kg. */
export const ME = 9.1093837015e-31;
/** Richardson constant for free electrons, A m^-2 K^-2. */
export const A_RICHARDSON = 1.20173e6;
/** Avogadro constant, 1/mol (exact). */
export const NA = 6.02214076e23;
/** 0 degC in K. */
export const T_ZERO_C = 273.15;
/** Room temperature used as the default ambient, K. */
export const T_ROOM = 300;
