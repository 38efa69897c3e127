// The rule registry: configs, docs and tests are derived from it.
import logErrorObject from './log-error-object.js';
import noBroadCatch from './no-broad-catch.js';
import noSilentCatch from './no-silent-catch.js';

export const rules = {
  'log-error-object': logErrorObject,
  'no-broad-catch': noBroadCatch,
  'no-silent-catch': noSilentCatch,
};
