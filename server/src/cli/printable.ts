// Text for a terminal from text a policy or scenario wrote. An action name may hold terminal
// escape codes (which clear the screen or retitle the window), a line break (which forges a
// finding line of its own) or bidirectional controls (which reorder what is shown): each is
// written as a visible escape instead, so one finding is always one honest line.

// C0 controls and DEL, C1 controls, and the Unicode bidirectional embeddings, overrides and
// isolates plus the line and paragraph separators.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => (Object.hasOwn(NAMED, c) ? NAMED[c] : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
