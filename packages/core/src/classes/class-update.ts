import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ClassMode,
  type ClassStatus,
  capacityBelowTakenError,
  classIdentityFixedError,
  classLockedError,
  classRuleProblems,
  codeTakenError,
  type FieldError,
  formatDate,
  type IsoDate,
  invalidFields,
  isClassEditable,
  recordNotFoundError,
  staleRecordError,
  type ValidClassPatch,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { pgArray } from '../kernel/sql-helpers.js';
import { assertExists, CLASS, UNIT } from './references.js';

interface LockedClass {
  status: ClassStatus;
  version: number;
  code: string;
  mode: ClassMode;
  title: string | null;
  venue: string | null;
  online_link: string | null;
  capacity: number;
  seats_taken: number;
  start_date: string;
  end_date: string;
  enrolment_opens_on: string | null;
  enrolment_closes_on: string | null;
}

interface SiteRow {
  id: string;
  name: string;
  unit_id: string | null;
}

/** The class's columns an edit may set, by the patch's field names. */
const COLUMNS = {
  code: 'code',
  mode: 'mode',
  title: 'title',
  venue: 'venue',
  onlineLink: 'online_link',
  capacity: 'capacity',
  startDate: 'start_date',
  endDate: 'end_date',
  enrolmentOpensOn: 'enrolment_opens_on',
  enrolmentClosesOn: 'enrolment_closes_on',
} as const satisfies Partial<Record<keyof ValidClassPatch, string>>;
type Column = keyof typeof COLUMNS;

/**
 * Applies an edit inside the caller's transaction. The class row is locked first (FOR NO KEY
 * UPDATE, the lock a seat's conditional UPDATE takes), so an approval racing a capacity cut runs
 * wholly before or wholly after it: the cut sees every seat taken before it, and a seat asked for
 * after it meets the new capacity. An edit of the code or the mode takes FOR UPDATE instead, the
 * lock an enrolment's insert waits for (its foreign key takes FOR KEY SHARE): the count of
 * enrolled people it checks cannot change under it. Everything is checked before anything is written.
 */
export async function applyClassEdit(
  tx: EntityManager,
  actor: Actor,
  classId: string,
  patch: ValidClassPatch,
  expectedVersion: number,
): Promise<void> {
  const identity = patch.code !== undefined || patch.mode !== undefined;
  const [row] = await tx.execute<LockedClass[]>(
    `SELECT status, version, code, mode, title, venue, online_link, capacity, seats_taken, start_date::text AS start_date,
            end_date::text AS end_date, enrolment_opens_on::text AS enrolment_opens_on,
            enrolment_closes_on::text AS enrolment_closes_on
       FROM training_class WHERE id = ? ${identity ? 'FOR UPDATE' : 'FOR NO KEY UPDATE'}`,
    [classId],
  );
  if (!row) throw recordNotFoundError('CLASS.NOT_FOUND', CLASS, classId, 'classId');
  if (row.version !== expectedVersion) throw staleRecordError('CLASS.STALE', CLASS, expectedVersion, row.version);
  if (!isClassEditable(row.status)) throw classLockedError(row.status);

  const stored: Record<Column, string | number | null> = {
    code: row.code,
    mode: row.mode,
    title: row.title,
    venue: row.venue,
    onlineLink: row.online_link,
    capacity: row.capacity,
    startDate: row.start_date,
    endDate: row.end_date,
    enrolmentOpensOn: row.enrolment_opens_on,
    enrolmentClosesOn: row.enrolment_closes_on,
  };
  const changed = (Object.keys(COLUMNS) as Column[]).filter(
    (field) => patch[field] !== undefined && (patch[field] ?? null) !== stored[field],
  );
  const next = { ...stored } as Record<Column, string | number | null>;
  for (const field of changed) next[field] = patch[field] ?? null;

  await assertIdentityMayChange(tx, classId, changed, next);

  const sites = await tx.execute<SiteRow[]>('SELECT id, name, unit_id FROM class_site WHERE class_id = ?', [classId]);
  const problems: FieldError[] = classRuleProblems({
    mode: next.mode as ClassMode,
    venue: next.venue as string | null,
    sites: patch.sites ?? sites,
    startDate: next.startDate as string,
    endDate: next.endDate as string,
    enrolmentOpensOn: next.enrolmentOpensOn as string | null,
    enrolmentClosesOn: next.enrolmentClosesOn as string | null,
  }).map((p) => ({ field: p.path.join('.'), message: p.message }));
  problems.push(...(await sessionsOutside(tx, classId, next.startDate as string, next.endDate as string)));
  const siteChange = patch.sites ? await planSites(tx, sites, patch.sites, problems) : undefined;
  if (problems.length > 0) throw invalidFields(problems);
  if ((next.capacity as number) < row.seats_taken)
    throw capacityBelowTakenError(next.capacity as number, row.seats_taken);

  if (changed.length > 0 || siteChange?.changed) {
    await tx.execute(
      `UPDATE training_class SET ${changed.map((f) => `${COLUMNS[f]} = ?`).join(', ')}${changed.length > 0 ? ',' : ''}
              version = version + 1, updated_at = now()
        WHERE id = ?`,
      [...changed.map((f) => next[f]), classId],
      'run',
    );
  }
  if (siteChange?.changed) await writeSites(tx, classId, siteChange);
  const before: Record<string, unknown> = { version: row.version };
  const after: Record<string, unknown> = { version: row.version + (changed.length > 0 || siteChange?.changed ? 1 : 0) };
  for (const field of changed) {
    before[field] = stored[field];
    after[field] = next[field];
  }
  if (siteChange?.changed) {
    before.sites = sites.map((s) => s.name);
    after.sites = siteChange.kept.map((s) => s.name).concat(siteChange.added.map((s) => s.name));
  }
  if (changed.length > 0 || siteChange?.changed) {
    await audit(tx, actor, { action: 'class.update', entity: 'class', entityId: classId, before, after });
  }
}

/**
 * The code and the mode change only while nobody is enrolled (CLASS.IDENTITY_FIXED), and a new code
 * is nobody else's (CLASS.CODE_TAKEN; the unique constraint stays the last word on a race).
 */
async function assertIdentityMayChange(
  tx: EntityManager,
  classId: string,
  changed: readonly Column[],
  next: Record<Column, string | number | null>,
): Promise<void> {
  const fixed = changed.filter((field): field is 'code' | 'mode' => field === 'code' || field === 'mode');
  if (fixed.length === 0) return;
  const code = changed.includes('code') ? next.code : null;
  if (code) {
    const [taken] = await tx.execute('SELECT 1 FROM training_class WHERE code = ? AND id <> ?', [code, classId]);
    if (taken) throw codeTakenError('CLASS.CODE_TAKEN', CLASS, String(code));
  }
  const [count] = await tx.execute<{ n: number }[]>('SELECT count(*)::int AS n FROM enrolment WHERE class_id = ?', [
    classId,
  ]);
  const enrolled = count?.n ?? 0;
  if (enrolled > 0) throw classIdentityFixedError(fixed[0] as 'code' | 'mode', enrolled);
}

/** Sessions the new dates would leave outside the class: named under the date that excludes them. */
async function sessionsOutside(tx: EntityManager, classId: string, start: string, end: string): Promise<FieldError[]> {
  const [span] = await tx.execute<{ first: string | null; last: string | null }[]>(
    'SELECT min(date)::text AS first, max(date)::text AS last FROM class_session WHERE class_id = ?',
    [classId],
  );
  const problems: FieldError[] = [];
  if (span?.first && span.first < start) {
    const day = formatDate(span.first as IsoDate);
    problems.push({
      field: 'startDate',
      message: {
        vi: `Lớp có buổi học ngày ${day}; ngày khai giảng không được sau ngày đó.`,
        en: `The class has a session on ${day}; it cannot start after that day.`,
      },
    });
  }
  if (span?.last && span.last > end) {
    const day = formatDate(span.last as IsoDate);
    problems.push({
      field: 'endDate',
      message: {
        vi: `Lớp có buổi học ngày ${day}; ngày bế giảng không được trước ngày đó.`,
        en: `The class has a session on ${day}; it cannot end before that day.`,
      },
    });
  }
  return problems;
}

interface SitePlan {
  readonly changed: boolean;
  readonly kept: readonly { id: string; name: string; unitId: string | null }[];
  readonly added: readonly { name: string; unitId: string | null }[];
  readonly removed: readonly string[];
}

/**
 * The sites the edit keeps, adds and removes. A kept id must be one of the class's sites; a site a
 * session is held at cannot go (the timetable names it), and says which session.
 */
async function planSites(
  tx: EntityManager,
  current: readonly SiteRow[],
  wanted: NonNullable<ValidClassPatch['sites']>,
  problems: FieldError[],
): Promise<SitePlan> {
  const byId = new Map(current.map((s) => [s.id, s]));
  const kept: { id: string; name: string; unitId: string | null }[] = [];
  const added: { name: string; unitId: string | null }[] = [];
  for (const [index, site] of wanted.entries()) {
    if (site.unitId) await assertExists(tx, 'unit', site.unitId, 'UNIT.NOT_FOUND', UNIT, `sites.${index}.unitId`);
    if (site.id && !byId.has(site.id)) {
      problems.push({
        field: `sites.${index}.id`,
        message: { vi: 'Điểm cầu này không thuộc lớp.', en: 'Not a site of this class.' },
      });
    } else if (site.id) kept.push({ id: site.id, name: site.name, unitId: site.unitId ?? null });
    else added.push({ name: site.name, unitId: site.unitId ?? null });
  }
  const keptIds = new Set(kept.map((s) => s.id));
  const removed = current.filter((s) => !keptIds.has(s.id)).map((s) => s.id);
  if (removed.length > 0) {
    const used = await tx.execute<{ name: string; date: string }[]>(
      `SELECT cs.name, min(s.date)::text AS date FROM class_session s JOIN class_site cs ON cs.id = s.site_id
        WHERE s.site_id = ANY(?::uuid[]) GROUP BY cs.name ORDER BY cs.name`,
      [pgArray(removed)],
    );
    for (const site of used) {
      const day = formatDate(site.date as IsoDate);
      problems.push({
        field: 'sites',
        message: {
          vi: `Điểm cầu "${site.name}" có buổi học ngày ${day}; hãy đổi lịch học trước khi bỏ điểm cầu.`,
          en: `The site "${site.name}" holds a session on ${day}; change the timetable before removing it.`,
        },
      });
    }
  }
  const renamed = kept.some((s) => {
    const old = byId.get(s.id);
    return old && (old.name !== s.name || old.unit_id !== s.unitId);
  });
  return { changed: renamed || added.length > 0 || removed.length > 0, kept, added, removed };
}

async function writeSites(tx: EntityManager, classId: string, plan: SitePlan): Promise<void> {
  if (plan.removed.length > 0) {
    await tx.execute('DELETE FROM class_site WHERE id = ANY(?::uuid[])', [pgArray(plan.removed)], 'run');
  }
  for (const site of plan.kept) {
    await tx.execute(
      'UPDATE class_site SET name = ?, unit_id = ? WHERE id = ? AND class_id = ?',
      [site.name, site.unitId, site.id, classId],
      'run',
    );
  }
  if (plan.added.length > 0) {
    await tx.execute(
      `INSERT INTO class_site (id, class_id, name, unit_id) VALUES ${plan.added.map(() => '(gen_random_uuid(), ?, ?, ?)').join(', ')}`,
      plan.added.flatMap((site) => [classId, site.name, site.unitId]),
      'run',
    );
  }
}
