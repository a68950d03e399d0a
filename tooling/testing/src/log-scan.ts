/**
 * What may never appear in a log line (docs/operations.md): personal data, tokens and their hashes,
 * SQL text carrying values. Server processes started by tests are scanned when they stop, and the
 * in-process loggers of the server's tests with `scanningLogger`; a finding fails the test.
 *
 * The patterns are shapes, not a list of people: every national ID is 12 digits, every mobile 10,
 * so the demo's 5,000 generated people and every fixture are covered without naming them.
 */
const PATTERNS: readonly (readonly [string, RegExp])[] = [
  // Digits not part of a longer number, a uuid, a decimal or a path segment.
  ['national ID (12 digits)', /(?<![\w.:/-])\d{12}(?![\w.:/-])/],
  ['mobile phone', /(?<![\w.:/-])(?:0|\+?84)[35789]\d{8}(?![\w.:/-])/],
  // A calendar date that is not the start of an ISO timestamp (log lines carry `time`).
  ['date (birth date?)', /(?<![\w.:/-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w:T-])/],
  ['date dd/mm/yyyy', /(?<![\w./-])(?:0?[1-9]|[12]\d|3[01])\/(?:0?[1-9]|1[0-2])\/(?:19|20)\d\d(?![\w/-])/],
  ['bearer token', /\bBearer\s+\S/i],
  ['API token', /\bpca_[\w-]{8,}/],
  ['64-hex hash (a token hash?)', /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/i],
  ['SQL insert', /\binsert\s+into\b/i],
  ['SQL values list', /\bvalues\s*\(/i],
  ['SQL update', /\bupdate\s+"?\w+"?\s+set\b/i],
  ['SQL with a literal', /\b(?:select|delete)\b.*\bwhere\b.*(?:'[^']*'|=\s*-?\d)/is],
  ['PostgreSQL detail with key values', /Key \(.+\)=\(/],
];

export interface LogFinding {
  readonly pattern: string;
  /** The offending line, cut to 300 characters. */
  readonly line: string;
}

/** Every line of `text` that shows something a log must never carry; `watch` adds exact values. */
export function scanLog(text: string, watch: readonly string[] = []): LogFinding[] {
  const findings: LogFinding[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const unescaped = unescapeJson(line);
    for (const [pattern, regex] of PATTERNS) {
      if (regex.test(line) || regex.test(unescaped)) findings.push({ pattern, line: line.slice(0, 300) });
    }
    for (const value of watch) {
      if (value && (line.includes(value) || unescaped.includes(value)))
        findings.push({ pattern: 'watched value', line: line.slice(0, 300) });
    }
  }
  return findings;
}

/** A JSON log line's strings as they were (`\n`, `\u0000`, `\"` unescaped), so patterns see SQL as written. */
function unescapeJson(line: string): string {
  return line.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escaped: string) =>
    escaped.startsWith('u') && escaped.length === 5
      ? String.fromCharCode(Number.parseInt(escaped.slice(1), 16))
      : escaped === 'n'
        ? '\n'
        : escaped === 't'
          ? '\t'
          : escaped,
  );
}

/** An error naming each finding, or null when the log is clean. */
export function logLeakError(source: string, findings: readonly LogFinding[]): Error | null {
  if (findings.length === 0) return null;
  const lines = findings.slice(0, 10).map((f) => `  [${f.pattern}] ${f.line}`);
  return new Error(
    `${source} logged what a log must never carry (docs/operations.md):\n${lines.join('\n')}${
      findings.length > 10 ? `\n  … and ${findings.length - 10} more` : ''
    }`,
  );
}

/**
 * Where an in-process server's log goes in a test: `jsonLogger('debug', log.write)` writes its
 * lines here, the test may read them, and `assertClean()` fails it when one leaks.
 */
export function collectedLog(watch: readonly string[] = []): {
  write(line: string): void;
  /** The lines so far, parsed. */
  entries(): Record<string, unknown>[];
  assertClean(): void;
} {
  let text = '';
  return {
    write(line) {
      text += line.endsWith('\n') ? line : `${line}\n`;
    },
    entries: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    assertClean() {
      const error = logLeakError('the server', scanLog(text, watch));
      if (error) throw error;
    },
  };
}
