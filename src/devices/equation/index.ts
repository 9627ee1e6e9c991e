/**
 * User device models from equation strings (parser, symbolic dI/dV, code generation, builder).
 * @module devices/equation
 */
export { parseExpr, EquationError, type Expr } from './parse.js';
export { derive } from './derive.js';
export { compileModel, compileExpr, checkExpr } from './compile.js';
export { CONSTANTS, FUNCTIONS } from './functions.js';
export { buildEquationModel } from './build.js';
