// The catch model shared by the rules and the codemod (DESIGN §3).
export type * from './types.js';
