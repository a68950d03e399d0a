/** SQL as text: its placeholders, its literals, what is quoted and what is not. */

/**
 * `?` placeholders (MikroORM's style, used by every hand-written statement) as PostgreSQL's `$1…$n`,
 * so values travel as bound parameters. A `?` inside quotes, a dollar-quoted body or a comment is
 * left alone.
 */
export function numberedPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] as string;
    const skipTo = skippedUntil(sql, i);
    if (skipTo > i) {
      out += sql.slice(i, skipTo);
      i = skipTo;
    } else {
      out += ch === '?' ? `$${++n}` : ch;
      i++;
    }
  }
  return out;
}

/**
 * The statement with every string and number literal replaced by `?`: what may be logged of SQL
 * that MikroORM built with its values inlined.
 */
export function withoutLiterals(sql: string): string {
  let out = '';
  let plain = '';
  let i = 0;
  const flush = () => {
    out += plain.replace(/\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi, '?');
    plain = '';
  };
  while (i < sql.length) {
    const skipTo = skippedUntil(sql, i);
    if (skipTo > i) {
      flush();
      const quoted = sql.slice(i, skipTo);
      // Quoted identifiers and comments are ours; string and dollar-quoted literals are values.
      out += quoted.startsWith("'") || quoted.startsWith('$') ? '?' : quoted;
      i = skipTo;
    } else {
      plain += sql[i];
      i++;
    }
  }
  flush();
  return out;
}

/** Where a quoted string, quoted identifier, dollar-quoted body or comment starting at `i` ends. */
function skippedUntil(sql: string, i: number): number {
  const ch = sql[i];
  if (ch === "'" || ch === '"') {
    let j = i + 1;
    while (j < sql.length) {
      if (sql[j] === ch) {
        if (sql[j + 1] === ch) j += 2;
        else return j + 1;
      } else j++;
    }
    return sql.length;
  }
  if (ch === '-' && sql[i + 1] === '-') {
    const end = sql.indexOf('\n', i);
    return end < 0 ? sql.length : end;
  }
  if (ch === '/' && sql[i + 1] === '*') {
    const end = sql.indexOf('*/', i + 2);
    return end < 0 ? sql.length : end + 2;
  }
  if (ch === '$') {
    const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64))?.[0];
    if (tag) {
      const end = sql.indexOf(tag, i + tag.length);
      return end < 0 ? sql.length : end + tag.length;
    }
  }
  return i;
}
