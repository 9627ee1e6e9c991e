import type { ExplicitTableau } from '../explicit-rk.js';

/** Bogacki-Shampine 3(2) (Appl. Math. Lett. 2, 321 (1989)); FSAL, 4 stages; SciPy's RK23. */
export const BS3: ExplicitTableau = {
  name: 'bs3',
  order: 3,
  errorOrder: 2,
  fsal: true,
  c: [0, 1 / 2, 3 / 4, 1],
  a: [[], [1 / 2], [0, 3 / 4], [2 / 9, 1 / 3, 4 / 9]],
  b: [2 / 9, 1 / 3, 4 / 9, 0],
  bHat: [7 / 24, 1 / 4, 1 / 3, 1 / 8],
};
