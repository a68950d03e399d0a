import { DEFAULT_WORK_LIMIT, type LocalizedText, WORK_KINDS, type WorkKind } from '@polcenter/domain';
import { vietnamToday } from '../enrolment/enrolment-sql.js';
import { inTransaction } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import { TODO_SQL, todoParams } from './todo-sql.js';

/**
 * Whose work: the units a person's roles reach. Each unit stands for itself and every unit below it.
 */
export interface WorkScope {
  /**
   * The units whose classes the person runs (center staff of the organiser), or `'all'` for an
   * administrator: every kind of work of those classes.
   */
  readonly runs: readonly string[] | 'all';
  /**
   * The units whose people the person sends to classes (unit coordinators): their people's
   * requests still waiting for the organiser, and the enrolment windows closing of classes
   * organised in those units or above them (the classes their people go to).
   */
  readonly sends: readonly string[];
}

/** One thing to do, about one class (and, for attendance, one session of it). */
export interface WorkItem {
  readonly kind: WorkKind;
  readonly class: {
    readonly id: string;
    readonly code: string;
    /** The class's own title, if it has one. */
    readonly title: string | null;
    readonly program: LocalizedText;
  };
  /**
   * `YYYY-MM-DD`: the day enrolment closes; the oldest waiting request's day; the session's day
   * (today); the class's last day (results, certificates).
   */
  readonly date: string;
  /**
   * Seats left (enrolment closing); requests waiting; trainees not yet marked; trainees without a
   * result; passed trainees without a valid certificate.
   */
  readonly count: number;
  /** The session whose attendance is missing; null for the other kinds. */
  readonly sessionId: string | null;
  /** The session's start, `HH:MM`; null for the other kinds. */
  readonly startTime: string | null;
}

/** The items of one kind: the first `limit`, and how many there are in all. */
export interface WorkKindList {
  readonly kind: WorkKind;
  readonly total: number;
  readonly items: readonly WorkItem[];
}

/** Every kind, in the order of `WORK_KINDS`, empty ones included. */
export interface WorkList {
  readonly today: string;
  readonly kinds: readonly WorkKindList[];
}

export interface TodoOptions {
  /** `YYYY-MM-DD`: the day whose work it is (Vietnam's date by default). */
  readonly today?: string;
  /** Items per kind (the totals are counted in full). */
  readonly limit?: number;
}

interface Row {
  kind: WorkKind;
  total: number;
  class_id: string;
  code: string;
  title: string | null;
  program_vi: string;
  program_en: string;
  on_date: string;
  count: number;
  session_id: string | null;
  start_time: string | null;
}

/**
 * What needs doing now in a person's units — the console's start page. The whole list is one
 * statement (`todo-sql.ts`), whatever the number of classes; "today" is the caller's, so the list
 * is the same for the same day however the clock runs.
 */
export class WorkService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  /**
   * The to-do list of `scope` on `today` (`YYYY-MM-DD`; Vietnam's date unless given), at most
   * `limit` items per kind (5 by default) with each kind's total.
   */
  async todo(scope: WorkScope, options: TodoOptions = {}): Promise<WorkList> {
    const { today = vietnamToday(), limit = DEFAULT_WORK_LIMIT } = options;
    const all = scope.runs === 'all';
    const runs = all ? [] : scope.runs;
    let rows: Row[] = [];
    if (all || runs.length > 0 || scope.sends.length > 0) {
      rows = await inTransaction(this.orm, (tx) =>
        tx.execute<Row[]>(TODO_SQL, todoParams({ all, runs, sends: scope.sends, today, limit })),
      );
    }
    return {
      today,
      kinds: WORK_KINDS.map((kind) => {
        const mine = rows.filter((r) => r.kind === kind);
        return { kind, total: mine[0]?.total ?? 0, items: mine.map(toItem) };
      }),
    };
  }
}

function toItem(row: Row): WorkItem {
  return {
    kind: row.kind,
    class: { id: row.class_id, code: row.code, title: row.title, program: { vi: row.program_vi, en: row.program_en } },
    date: row.on_date,
    count: row.count,
    sessionId: row.session_id,
    startTime: row.start_time,
  };
}
