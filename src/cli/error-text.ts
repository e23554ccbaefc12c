// Apart from user-errors.ts, whose error classes pull in the plan and bundle loaders (YAML, zod):
// every command's output goes through this, `rules` and `--version` included.

/**
 * The last line of defence against echoing a huge value: every line of an error is cut to a short
 * prefix and at most a few dozen lines are shown (stderr stays a few KB whatever the input).
 */
export function capErrorText(text: string, maxLine = 300, maxLines = 30): string {
  const trailing = text.endsWith('\n');
  const lines = (trailing ? text.slice(0, -1) : text).split('\n');
  const shown = lines.slice(0, maxLines).map((l) => (l.length > maxLine ? `${l.slice(0, maxLine)}…` : l));
  if (lines.length > maxLines) shown.push(`… and ${lines.length - maxLines} more lines`);
  return `${shown.join('\n')}${trailing ? '\n' : ''}`;
}
