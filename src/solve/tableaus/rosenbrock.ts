import type { RosenbrockTableau } from '../rosenbrock.js';

/**
 * ROS2 (Verwer, Spee, Blom, Hundsdorfer, SIAM J. Sci. Comput. 20, 1456 (1999)): 2 stages,
 * order 2 with an order-1 embedded error estimate, L-stable (gamma = 1 + 1/sqrt 2).
 * Coefficients in the form (1/(gamma h) - J) K_i = f(t + alpha_i h, y + sum a_ij K_j)
 * + sum (c_ij / h) K_j + h gammaSum_i f_t, y+ = y + sum m_i K_i, err = sum e_i K_i.
 */
const g2 = 1 + 1 / Math.SQRT2;
export const ROS2: RosenbrockTableau = {
  name: 'ros2',
  order: 2,
  errorOrder: 1,
  gamma: g2,
  a: [[], [1 / g2]],
  c: [[], [-2 / g2]],
  m: [3 / (2 * g2), 1 / (2 * g2)],
  e: [1 / (2 * g2), 1 / (2 * g2)],
  alpha: [0, 1],
  gammaSum: [g2, -g2],
};

/**
 * RODAS3 (Sandu, Verwer, Blom, Spee, Carmichael, Potra, Atmos. Environ. 31, 3459 (1997);
 * Hairer & Wanner's Rodas family): 4 stages, order 3 with an order-2 embedded estimate,
 * stiffly accurate and L-stable, gamma = 1/2. The default stiff method of nanoionics.
 */
export const RODAS3: RosenbrockTableau = {
  name: 'rodas3',
  order: 3,
  errorOrder: 2,
  gamma: 0.5,
  a: [[], [0], [2, 0], [2, 0, 1]],
  c: [[], [4], [1, -1], [1, -1, -8 / 3]],
  m: [2, 0, 1, 1],
  e: [0, 0, 0, 1],
  alpha: [0, 0, 1, 1],
  gammaSum: [0.5, 1.5, 0, 0],
};
