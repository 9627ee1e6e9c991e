export * from './types.js';
export * from './driver.js';
export * from './explicit-rk.js';
export * from './rosenbrock.js';
export * from './newton.js';
export { DOPRI5 } from './tableaus/dopri5.js';
export { BS3 } from './tableaus/bs3.js';
export { ROS2, RODAS3 } from './tableaus/rosenbrock.js';
export * from './auto.js';
