// Turns a server quick fix that selects a placeholder after its edit (the `iamSts.selectRange`
// command) into a snippet edit, so the placeholder is selected by the edit itself. A code
// action's command is run only after the edit, through a cache of converted commands that
// VS Code drops when the document changes; in a remote window the command was sometimes gone
// by then ("Actual command not found") and the cursor stayed where it was.
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface SnippetPlan {
  /** Edits to apply as plain text, in the original document's offsets. */
  plain: OffsetEdit[];
  /** The one edit whose new text holds the placeholder, split around it. */
  snippet: { start: number; end: number; before: string; placeholder: string; after: string };
}

/**
 * `select` is the placeholder's range in the edited text (after every edit); `edits` are in the
 * original text and do not overlap. Undefined when the placeholder is not inside one edit's new
 * text (then the caller keeps the action as it was).
 */
export function planSnippetFix(edits: readonly OffsetEdit[], select: { start: number; end: number }): SnippetPlan | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let delta = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    const newStart = e.start + delta;
    const newEnd = newStart + e.newText.length;
    if (select.start >= newStart && select.end <= newEnd && select.start <= select.end) {
      const from = select.start - newStart;
      const to = select.end - newStart;
      return {
        plain: sorted.filter((_, j) => j !== i),
        snippet: {
          start: e.start,
          end: e.end,
          before: e.newText.slice(0, from),
          placeholder: e.newText.slice(from, to),
          after: e.newText.slice(to),
        },
      };
    }
    delta += e.newText.length - (e.end - e.start);
  }
  return undefined;
}

/** Applies non-overlapping edits to a text (the document as it will be after the fix). */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Offset of an LSP position (line, UTF-16 character) in a text. */
export function offsetAtPosition(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  return Math.min(offset + position.character, lineEnd < 0 ? text.length : lineEnd);
}
