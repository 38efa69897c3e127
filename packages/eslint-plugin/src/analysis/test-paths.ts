// Test-code layouts beyond `tests/` and `*.test.*` (precision audit, bug 9): playgrounds, runtime
// and integration test trees (`integration-tests/`, `integration_tests/`, and prefixed as in `node-integration-tests/`,
// precision audit 9), e2e folders, test-utility packages (`test-utils/`, `medusa-test-utils/`, `testing/` as in
// `libs/testing`, `@angular/core/testing`), setup files in them, `*.spec.*`. Shared by all three rules.
const TEST_DIRECTORY = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|testing|spec|specs|e2e|__fixtures__|(?:[\w.-]+[-_])?test[-_]utils?|runtime[-_]tests|(?:[\w.-]+[-_])?(?:integration|e2e)[-_]tests?)[\\/]/i;
const PLAYGROUND = /playgrounds?[\\/]/i;
const SRC_DIRECTORY = /[\\/]src[\\/]/i;
const TEST_FILE = /\.(?:test|spec|e2e|bench|stories)\.[cm]?[jt]sx?$|(?:^|[\\/])(?:vitest|jest|test)Setup\.[cm]?[jt]sx?$/i;

/** A `playground/` outside any `src/` tree (vite's, not a product feature named playground). */
function inPlayground(fileName: string): boolean {
  const playground = PLAYGROUND.exec(fileName);
  if (!playground) return false;
  let start = playground.index;
  if (start > 0 && (fileName[start - 1] === '/' || fileName[start - 1] === '\\')) start--;
  const src = SRC_DIRECTORY.exec(fileName);
  return !src || src.index >= start;
}

// Asked for every handler by each rule: the last file's answer is kept.
let lastFileName: string | undefined;
let lastAnswer = false;

export function isTestPath(fileName: string): boolean {
  if (fileName !== lastFileName) {
    lastAnswer = TEST_DIRECTORY.test(fileName) || TEST_FILE.test(fileName) || inPlayground(fileName);
    lastFileName = fileName;
  }
  return lastAnswer;
}
