import type { EntityManager } from '@mikro-orm/postgresql';
import { SetupError } from '@polcenter/postgres';
import type { Orm } from '../orm.js';

/**
 * A logical backup: JSON Lines. The first line is the header (format, the migrations the schema
 * was at, the tables in dependency order with their row counts, the sequences' values); then one
 * line per row, `{"table":…,"row":{…}}`, table after table in that order, parents before children
 * (also within a table that references itself, like the unit tree). It restores only into an empty
 * database at the same migrations, in one transaction. Values travel as PostgreSQL's own JSON
 * (`to_jsonb`), and come back through `jsonb_populate_recordset`, so every type round-trips.
 */
export const BACKUP_FORMAT = 'polcenter-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  readonly migrations: readonly string[];
  readonly tables: readonly { readonly name: string; readonly rows: number }[];
  readonly sequences: Readonly<Record<string, number | null>>;
}

const MIGRATIONS_TABLE = 'mikro_orm_migrations';
/**
 * Rows a migration writes (unit levels, the reference lists, the unit tree's stamp): a freshly
 * migrated database already holds them, so they do not make the database "not empty"; the backup's
 * copy replaces them.
 */
const MIGRATION_SEEDED = ['reference_value', 'unit_level', 'unit_tree_stamp'];
/**
 * Tables derived from others by triggers (people search's name words, ADR 0046): not data. They are
 * left out of a backup, and a restore fills them again as it writes the rows they come from.
 */
const DERIVED = ['person_name_word', 'person_name_vocabulary'];
const INSERT_BATCH = 1000;

interface TableInfo {
  readonly name: string;
  /** Single-column references to the table itself: [column, referenced column]. */
  readonly selfRefs: readonly (readonly [string, string])[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The schema's tables (the migrations' own table and derived ones aside), parents before children. */
export async function tablesInDependencyOrder(em: EntityManager): Promise<TableInfo[]> {
  const tables = await em.execute<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables
      WHERE schemaname = current_schema() AND tablename <> ? AND tablename <> ALL(?::text[]) ORDER BY tablename`,
    [MIGRATIONS_TABLE, `{${DERIVED.join(',')}}`],
  );
  const links = await em.execute<{ child: string; parent: string; columns: number; col: string; ref: string }[]>(
    `SELECT ch.relname AS child, pa.relname AS parent, array_length(c.conkey, 1) AS columns,
            ca.attname AS col, pa_att.attname AS ref
       FROM pg_constraint c
       JOIN pg_class ch ON ch.oid = c.conrelid
       JOIN pg_class pa ON pa.oid = c.confrelid
       JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = c.conkey[1]
       JOIN pg_attribute pa_att ON pa_att.attrelid = c.confrelid AND pa_att.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set()]));
  const selfRefs = new Map<string, [string, string][]>();
  for (const link of links) {
    if (link.child === link.parent) {
      if (Number(link.columns) !== 1) throw new Error(`multi-column self-reference in ${link.child}`);
      selfRefs.set(link.child, [...(selfRefs.get(link.child) ?? []), [link.col, link.ref]]);
    } else parents.get(link.child)?.add(link.parent);
  }
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (done.size < parents.size) {
    const ready = [...parents].filter(([name, deps]) => !done.has(name) && [...deps].every((d) => done.has(d)));
    if (ready.length === 0) throw new Error('the schema has a cycle of foreign keys between tables');
    for (const [name] of ready) {
      done.add(name);
      ordered.push({ name, selfRefs: selfRefs.get(name) ?? [] });
    }
  }
  return ordered;
}

async function appliedMigrations(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ name: string }[]>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`);
  return rows.map((r) => r.name);
}

/** Rows of a self-referencing table, each after the row it points to. */
function parentsFirst(rows: { text: string; key: string; refs: (string | null)[] }[]): string[] {
  const keys = new Set(rows.map((r) => r.key));
  const placed = new Set<string>();
  const out: string[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next: typeof rows = [];
    for (const row of pending) {
      if (row.refs.every((ref) => ref === null || ref === row.key || placed.has(ref) || !keys.has(ref))) {
        placed.add(row.key);
        out.push(row.text);
      } else next.push(row);
    }
    if (next.length === pending.length) throw new Error('rows that reference each other in a cycle');
    pending = next;
  }
  return out;
}

/**
 * Writes the whole database to `write`, one line at a time, from one consistent snapshot
 * (a read-only repeatable-read transaction), and returns the header it wrote first.
 */
export async function writeBackup(orm: Orm, write: (line: string) => void | Promise<void>): Promise<BackupHeader> {
  return orm.em.fork().transactional(async (tx) => {
    const em = tx as EntityManager;
    await em.execute('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const tables = await tablesInDependencyOrder(em);
    const counts: { name: string; rows: number }[] = [];
    for (const table of tables) {
      const [row] = await em.execute<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${quote(table.name)}`);
      counts.push({ name: table.name, rows: Number(row?.n ?? 0) });
    }
    const sequences = await em.execute<{ name: string; value: string | null }[]>(
      `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = current_schema()`,
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(em),
      tables: counts,
      sequences: Object.fromEntries(sequences.map((s) => [s.name, s.value === null ? null : Number(s.value)])),
    };
    await write(JSON.stringify(header));
    for (const table of tables) {
      const prefix = `{"table":${JSON.stringify(table.name)},"row":`;
      if (table.selfRefs.length === 0) {
        const rows = await em.execute<{ text: string }[]>(
          `SELECT to_jsonb(t)::text AS text FROM ${quote(table.name)} t`,
        );
        for (const row of rows) await write(`${prefix}${row.text}}`);
        continue;
      }
      const key = table.selfRefs[0]?.[1] as string;
      const rows = await em.execute<{ text: string; key: string; refs: (string | null)[] }[]>(
        `SELECT to_jsonb(t)::text AS text, t.${quote(key)}::text AS key,
                ARRAY[${table.selfRefs.map(([col]) => `t.${quote(col)}::text`).join(', ')}] AS refs
           FROM ${quote(table.name)} t`,
      );
      for (const text of parentsFirst(rows)) await write(`${prefix}${text}}`);
    }
    return header;
  });
}

export interface RestoreReport {
  readonly tables: readonly { readonly name: string; readonly rows: number }[];
}

function refuse(code: string, vi: string, en: string): SetupError {
  return new SetupError(code, { vi, en });
}

/**
 * Loads a backup (its lines, header first) into this database, in one transaction: refused unless
 * every table is empty and the database is at exactly the backup's migrations.
 */
export async function restoreBackup(orm: Orm, lines: AsyncIterable<string>): Promise<RestoreReport> {
  // Taken before the transaction opens: a readline interface emits lines as its stream flows, and
  // lines emitted before its iterator exists are lost (the header first: "not a backup", or a wait
  // for lines that already went by).
  const iterator = lines[Symbol.asyncIterator]();
  return orm.em.fork().transactional(async (tx) => {
    const em = tx as EntityManager;
    let first = await iterator.next();
    while (!first.done && first.value.trim() === '') first = await iterator.next();
    let header: BackupHeader | undefined;
    try {
      header = first.done ? undefined : (JSON.parse(first.value) as BackupHeader);
    } catch {
      header = undefined;
    }
    if (header?.format !== BACKUP_FORMAT) {
      throw refuse(
        'BACKUP.NOT_A_BACKUP',
        'Tệp không phải là bản sao lưu PolCenter (dạng JSON Lines).',
        'The file is not a PolCenter backup (JSON Lines).',
      );
    }
    if (header.version !== BACKUP_VERSION) {
      throw refuse(
        'BACKUP.VERSION',
        `Bản sao lưu có định dạng phiên bản ${header.version}; bản này đọc được phiên bản ${BACKUP_VERSION}.`,
        `The backup is format version ${header.version}; this PolCenter reads version ${BACKUP_VERSION}.`,
      );
    }
    const mine = await appliedMigrations(em);
    if (mine.join('\n') !== [...header.migrations].join('\n')) {
      const missing = header.migrations.filter((m) => !mine.includes(m));
      const extra = mine.filter((m) => !header.migrations.includes(m));
      throw refuse(
        'BACKUP.MIGRATIONS_DIFFER',
        `Cấu trúc cơ sở dữ liệu khác với bản sao lưu (thiếu: ${missing.join(', ') || 'không'}; thừa: ${extra.join(', ') || 'không'}); hãy khôi phục bằng đúng phiên bản PolCenter đã sao lưu.`,
        `The database schema differs from the backup's (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'}); restore with the PolCenter version that made the backup.`,
      );
    }
    const tables = await tablesInDependencyOrder(em);
    const known = new Set(tables.map((t) => t.name));
    const occupied: string[] = [];
    for (const table of tables) {
      const [row] = await em.execute<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM ${quote(table.name)}) AS any`);
      if (row?.any && !MIGRATION_SEEDED.includes(table.name)) occupied.push(table.name);
    }
    if (occupied.length > 0) {
      throw refuse(
        'BACKUP.DATABASE_NOT_EMPTY',
        `Chỉ khôi phục vào cơ sở dữ liệu trống; cơ sở dữ liệu này đã có dữ liệu (bảng ${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? '…' : ''}). Không có gì bị thay đổi.`,
        `A backup restores only into an empty database; this one already holds data (tables ${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? '…' : ''}). Nothing was changed.`,
      );
    }

    for (const seeded of MIGRATION_SEEDED) {
      if (known.has(seeded)) await em.execute(`DELETE FROM ${quote(seeded)}`, [], 'run');
    }
    const counts = new Map<string, number>();
    let table = '';
    let batch: unknown[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await em.execute(
        `INSERT INTO ${quote(table)} SELECT * FROM jsonb_populate_recordset(NULL::${quote(table)}, ?::jsonb)`,
        [JSON.stringify(batch)],
        'run',
      );
      counts.set(table, (counts.get(table) ?? 0) + batch.length);
      batch = [];
    };
    let line = 1;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      line++;
      if (next.value.trim() === '') continue;
      let entry: { table?: unknown; row?: unknown };
      try {
        entry = JSON.parse(next.value);
      } catch {
        throw refuse(
          'BACKUP.DAMAGED',
          `Bản sao lưu bị hỏng ở dòng ${line}; không có gì được khôi phục.`,
          `The backup is damaged at line ${line}; nothing was restored.`,
        );
      }
      if (typeof entry.table !== 'string' || !known.has(entry.table) || typeof entry.row !== 'object') {
        throw refuse(
          'BACKUP.DAMAGED',
          `Dòng ${line} của bản sao lưu không thuộc bảng nào đã biết; không có gì được khôi phục.`,
          `Line ${line} of the backup names no known table; nothing was restored.`,
        );
      }
      if (entry.table !== table || batch.length >= INSERT_BATCH) {
        await flush();
        table = entry.table;
      }
      batch.push(entry.row);
    }
    await flush();
    const expected = header.tables.filter((t) => t.rows !== (counts.get(t.name) ?? 0));
    if (expected.length > 0) {
      throw refuse(
        'BACKUP.TRUNCATED',
        `Bản sao lưu không đầy đủ (bảng ${expected[0]?.name}: cần ${expected[0]?.rows} dòng); không có gì được khôi phục.`,
        `The backup is incomplete (table ${expected[0]?.name}: ${expected[0]?.rows} rows expected); nothing was restored.`,
      );
    }
    for (const [name, value] of Object.entries(header.sequences)) {
      if (value !== null) await em.execute('SELECT setval(?::regclass, ?)', [quote(name), value]);
    }
    return { tables: tables.map((t) => ({ name: t.name, rows: counts.get(t.name) ?? 0 })) };
  });
}
