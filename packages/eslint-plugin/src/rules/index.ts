// The rule registry: configs, docs and tests are derived from it.
export const rules = {};
