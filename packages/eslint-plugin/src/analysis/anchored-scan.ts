// Whole-file regex scans, made cheap: a pattern such as `receiver.error(` that starts with a
// look-behind and an identifier chain makes the engine try a match at every identifier of the file.
// `anchoredMatches` finds each match through a short literal anchor every match contains (`.error(`),
// then runs the full pattern from the start of the identifier chain before it. It yields exactly the
// matches `text.matchAll(pattern)` would, in order: a match contains its anchor, and everything
// between a match's start and its anchor is a chain character.

const UNICODE_BLANK = /\s/;

/** Characters an identifier chain before the anchor may contain (`this.#a.b`, `a\n  .b`, `1x`): `[\w$.#\s]`. */
function isChainCode(code: number): boolean {
  if (code >= 0x80) return UNICODE_BLANK.test(String.fromCharCode(code));
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f || code === 0x24 || code === 0x2e || code === 0x23 || code === 0x20 || (code >= 0x09 && code <= 0x0d)
  );
}

/**
 * The matches of the global `pattern` in `text` (as `matchAll` gives them), found from the matches of
 * the global `anchor`. Every match of `pattern` must contain a match of `anchor`, and only chain
 * characters (identifier characters, `.`, `#`, blanks) may stand between its start and that anchor.
 */
export function* anchoredMatches(text: string, pattern: RegExp, anchor: RegExp): Generator<RegExpExecArray> {
  // Copies: a generator suspended mid-scan must not share `lastIndex` with any other user. The
  // pattern is sticky: tried at each start before the anchor, it never runs on through the file.
  const full = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
  const anchors = new RegExp(anchor.source, anchor.flags);
  let scannedTo = 0;
  for (let found = anchors.exec(text); found; found = anchors.exec(text)) {
    const at = found.index;
    if (at < scannedTo) continue;
    let from = at;
    while (from > scannedTo && isChainCode(text.charCodeAt(from - 1))) from--;
    const match = firstMatchFrom(full, text, from, at);
    if (!match) continue;
    scannedTo = full.lastIndex;
    if (anchors.lastIndex < scannedTo) anchors.lastIndex = scannedTo;
    yield match;
  }
}

/** The first match of the sticky `pattern` that starts in [from, last]. */
function firstMatchFrom(pattern: RegExp, text: string, from: number, last: number): RegExpExecArray | null {
  for (let start = from; start <= last; start++) {
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (match) return match;
  }
  return null;
}
