// The top-level blocks of a `.tf` file found by a scan of its text, without the parser: which
// of them may hold or use a policy, so that only those are parsed. Half the corpus's Terraform
// text is variables, outputs, locals and resources that hold no policy, and the Terraform parser
// (tree-sitter, in WebAssembly) reads about a megabyte a second. The scan only has to find where
// each block ends: strings and their `${…}`/`%{…}` templates, heredocs, comments and braces.
// Anything it does not recognise (an attribute at the top level, an unterminated string or
// comment, a heredoc without its end) gives up, and the whole file is parsed.
// https://developer.hashicorp.com/terraform/language/syntax/configuration
import type { OffsetRange } from '../../policy/model';

/**
 * Each top-level block that may matter to `wanted(type, labels, range)`, in order; undefined when
 * the scan gives up. `labels` are the quoted labels as written (only when none is unquoted or
 * escaped: a block whose labels are not plain is always kept).
 */
export function blockRanges(text: string, wanted: (type: string, labels: readonly string[], range: OffsetRange) => boolean): OffsetRange[] | undefined {
  const out: OffsetRange[] = [];
  let i = skipSpace(text, 0, true);
  while (i < text.length) {
    if (i < 0) return undefined;
    const start = i;
    IDENTIFIER.lastIndex = i;
    const type = IDENTIFIER.exec(text)?.[0];
    if (!type) return undefined;
    i = skipSpace(text, i + type.length, false);
    const labels: string[] = [];
    let plain = true;
    while (i >= 0 && i < text.length && text[i] !== '{') {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        const newline = text.indexOf('\n', i + 1);
        if (close < 0 || (newline >= 0 && newline < close)) return undefined;
        const label = text.slice(i + 1, close);
        if (label.includes('\\') || label.includes('${') || label.includes('%{')) plain = false;
        labels.push(label);
        i = close + 1;
      } else {
        IDENTIFIER.lastIndex = i;
        const label = IDENTIFIER.exec(text)?.[0];
        // `name = …` at the top level, or something else this scan does not read.
        if (!label) return undefined;
        plain = false;
        i += label.length;
      }
      i = skipSpace(text, i, false);
    }
    if (i < 0 || text[i] !== '{') return undefined;
    const end = blockEnd(text, i + 1);
    if (end < 0) return undefined;
    if (!plain || wanted(type, labels, { start, end })) out.push({ start, end });
    i = skipSpace(text, end, true);
  }
  return out;
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_-]*/y;
const HEREDOC = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;

/** Past spaces and comments (and line breaks when `lines`); -1 at a comment that does not end. */
function skipSpace(text: string, from: number, lines: boolean): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || (lines && c === '\n')) i++;
    else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      if (!lines) return i;
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return -1;
      i = close + 2;
    } else break;
  }
  return i;
}

/**
 * Where the block whose `{` ends before `from` ends (just past its `}`), or -1. A stack of what
 * is open: `e` an expression (a block body, an object, a template's `${`), `s` a quoted string.
 */
function blockEnd(text: string, from: number): number {
  const open: Array<'e' | 's'> = ['e'];
  let i = from;
  for (;;) {
    // Straight to the next character that can open or close something.
    const inString = open[open.length - 1] === 's';
    const stop = inString ? STRING_STOP : EXPRESSION_STOP;
    stop.lastIndex = i;
    if (!stop.test(text)) return -1;
    i = stop.lastIndex - 1;
    const c = text[i];
    if (inString) {
      if (c === '\n') return -1;
      if (c === '\\') i += 2;
      else if (c === '"') {
        open.pop();
        i++;
      } else if (text[i + 1] === c && text[i + 2] === '{') i += 3; // `$${`, `%%{`: literal
      else if (text[i + 1] === '{') {
        open.push('e');
        i += 2;
      } else i++;
      continue;
    }
    if (c === '"') {
      open.push('s');
      i++;
    } else if (c === '{') {
      open.push('e');
      i++;
    } else if (c === '}') {
      open.pop();
      i++;
      if (open.length === 0) return i;
    } else if (c === '#' || (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) {
      const next = c === '/' && text[i + 1] === '*' ? skipSpace(text, i, true) : text.indexOf('\n', i);
      if (next < 0) return -1;
      i = next;
    } else if (c === '<' && text[i + 1] === '<') {
      HEREDOC.lastIndex = i;
      const m = HEREDOC.exec(text);
      if (!m) return -1;
      i = heredocEnd(text, i + m[0].length, m[1]);
      if (i < 0) return -1;
    } else i++;
  }
}

/** What can open or close something in an expression, and in a quoted string. */
const EXPRESSION_STOP = /["{}#/<]/g;
const STRING_STOP = /["\\$%\n]/g;

/** Just past the heredoc's closing identifier, on a line of its own (indented or not); -1 without one. */
function heredocEnd(text: string, from: number, id: string): number {
  let line = from;
  while (line < text.length) {
    const nl = text.indexOf('\n', line);
    const end = nl < 0 ? text.length : nl;
    const content = text.slice(line, end);
    if (content.trim() === id) return line + content.indexOf(id) + id.length;
    if (nl < 0) break;
    line = nl + 1;
  }
  return -1;
}
