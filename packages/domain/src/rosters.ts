import { z } from 'zod';
import { formatDate, type IsoDate } from './calendar.js';
import { isoDate } from './dates.js';
import { bilingual, DomainError } from './errors.js';
import { EXPERTISE_FIELDS, type ExpertiseField } from './expertise.js';
import type { LocalizedText } from './i18n.js';
import { versionNumber } from './lookups.js';
import { ROSTER_CHANGES, ROSTER_DECISION_KINDS, type RosterChange, type RosterDecisionKind } from './rosters-terms.js';
import { text } from './text.js';

/**
 * Rosters of rapporteurs (*danh sách đội ngũ báo cáo viên*) and grassroots propagandists
 * (*tuyên truyền viên*). A roster belongs to a unit, a level and a term (e.g. 2020–2025) and
 * changes only through decisions (*quyết định*); the roster at any date is derived from them.
 */

export interface RosterDecisionItem {
  readonly personId: string;
  readonly change: RosterChange;
  readonly fields: readonly ExpertiseField[];
  readonly position: string | null;
  readonly toRosterId: string | null;
}

export interface RosterDecision {
  readonly id: string;
  readonly rosterId: string;
  readonly number: string;
  /** The date the decision takes effect (its signing date unless it says otherwise). */
  readonly date: IsoDate;
  /** Order of recording: among decisions of one date, the later-recorded one applies last. */
  readonly seq: number;
  readonly kind: RosterDecisionKind;
  readonly annulsDecisionId: string | null;
  readonly items: readonly RosterDecisionItem[];
}

export interface RosterMember {
  readonly personId: string;
  readonly fields: readonly ExpertiseField[];
  readonly position: string | null;
  /** First day of the member's current, unbroken stay on the roster. */
  readonly since: IsoDate;
  /** The decision that last set this member's entry (joined, re-appointed, updated). */
  readonly decisionId: string;
}

export interface RosterAtOptions {
  /**
   * Which annulments count. An annulment is a correction: it says the annulled decision should
   * never have applied. So by default the roster is **as known now**: an annulled decision is
   * ignored at every date, including the dates before it was annulled (a person wrongly added
   * on 01/03 and annulled on 01/06 was never on the roster, not even in April).
   *
   * Pass `knownOn` to see the roster **as it was recorded then**: only annulments dated on or
   * before `knownOn` count. `knownOn: date` answers "who did we believe was on the roster that
   * day" (in April: the wrongly added person was). Annulments are thus ignored only from the
   * annulment on, in that view.
   */
  readonly knownOn?: IsoDate;
}

/** Whether the line puts the person on `rosterId` (true), takes them off (false), or is elsewhere. */
function effectOn(decision: RosterDecision, item: RosterDecisionItem, rosterId: string): boolean | undefined {
  if (decision.rosterId === rosterId) {
    if (item.change === 'add' || item.change === 'reappoint') return true;
    if (item.change === 'transfer') return item.toRosterId === rosterId;
    return false;
  }
  if (item.change === 'transfer' && item.toRosterId === rosterId) return true;
  return undefined;
}

/** The decisions that apply at `date`, in the order they apply, per RosterAtOptions. */
export function effectiveDecisions(
  decisions: readonly RosterDecision[],
  date: IsoDate,
  options: RosterAtOptions = {},
): RosterDecision[] {
  const annulled = new Set(
    decisions
      .filter((d) => d.kind === 'annul' && d.annulsDecisionId && (!options.knownOn || d.date <= options.knownOn))
      .map((d) => d.annulsDecisionId as string),
  );
  return decisions
    .filter((d) => d.kind !== 'annul' && d.date <= date && !annulled.has(d.id))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
}

/**
 * The members of a roster at a date, derived from the decisions alone (of this roster and the
 * transfers into it from others). Pure; the database runs the same derivation as one query, and
 * a test holds the two to the same answers.
 */
export function rosterAt(
  decisions: readonly RosterDecision[],
  rosterId: string,
  date: IsoDate,
  options: RosterAtOptions = {},
): RosterMember[] {
  const members = new Map<string, RosterMember>();
  for (const decision of effectiveDecisions(decisions, date, options)) {
    if (decision.rosterId === rosterId && decision.kind === 'establish') members.clear();
    for (const item of decision.items) {
      const joins = effectOn(decision, item, rosterId);
      if (joins === undefined) continue;
      const current = members.get(item.personId);
      if (!joins) {
        members.delete(item.personId);
        continue;
      }
      members.set(item.personId, {
        personId: item.personId,
        fields: [...item.fields],
        position: item.position,
        since: current?.since ?? decision.date,
        decisionId: decision.id,
      });
    }
  }
  return [...members.values()].sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

/** "Term 2020–2025" (*nhiệm kỳ 2020–2025*). */
export function describeTerm(startYear: number, endYear: number): LocalizedText {
  return { vi: `nhiệm kỳ ${startYear}–${endYear}`, en: `term ${startYear}–${endYear}` };
}

// ---- inputs ---------------------------------------------------------------------------------

const levelCode = text(40).regex(/^[a-z0-9_-]+$/, {
  message: bilingual({ vi: 'Mã cấp gồm chữ thường, số, _ và -.', en: 'A level code holds a-z, 0-9, _ and -.' }),
});
const year = z.number().int().min(1945).max(2200);

export const rosterInput = z
  .object({
    level: levelCode,
    ownerUnitId: z.uuid(),
    termStartYear: year,
    termEndYear: year,
    name: text(200).nullish(),
  })
  .strict()
  .refine((r) => r.termStartYear <= r.termEndYear, {
    path: ['termEndYear'],
    message: bilingual({ vi: 'Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.', en: 'The term must end after it starts.' }),
  });
export type RosterInput = z.input<typeof rosterInput>;

/**
 * A correction of a roster's own fields (a mistyped term, level or name). Whose roster it is does
 * not change: a unit's roster moving to another unit is a transfer of its members by decision.
 * `expectedVersion` is the version read: an edit saved since is refused (ROSTER.STALE).
 */
export const rosterUpdateInput = z
  .object({
    id: z.uuid(),
    expectedVersion: versionNumber,
    level: levelCode,
    termStartYear: year,
    termEndYear: year,
    name: text(200).nullish(),
  })
  .strict()
  .refine((r) => r.termStartYear <= r.termEndYear, {
    path: ['termEndYear'],
    message: bilingual({ vi: 'Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.', en: 'The term must end after it starts.' }),
  });
export type RosterUpdateInput = z.input<typeof rosterUpdateInput>;

const rosterItemInput = z
  .object({
    personId: z.uuid(),
    change: z.enum(ROSTER_CHANGES).optional(),
    fields: z.array(z.enum(EXPERTISE_FIELDS)).max(EXPERTISE_FIELDS.length).default([]),
    position: text(200).nullish(),
    toRosterId: z.uuid().nullish(),
  })
  .strict();

export const rosterDecisionInput = z
  .object({
    rosterId: z.uuid(),
    number: text(60),
    date: isoDate,
    signer: text(200),
    kind: z.enum(ROSTER_DECISION_KINDS),
    annulsDecisionId: z.uuid().nullish(),
    note: text(1000, { min: 0, multiline: true }).nullish(),
    items: z.array(rosterItemInput).max(500).default([]),
  })
  .strict()
  .superRefine((d, ctx) => {
    const issue = (path: (string | number)[], text: LocalizedText) =>
      ctx.addIssue({ code: 'custom', path, message: bilingual(text) });
    if (d.kind === 'annul') {
      if (!d.annulsDecisionId)
        issue(['annulsDecisionId'], { vi: 'Cần chọn quyết định bị hủy.', en: 'Name the decision to annul.' });
      if (d.items.length > 0)
        issue(['items'], { vi: 'Quyết định hủy không có danh sách người.', en: 'An annulment lists no people.' });
      return;
    }
    if (d.annulsDecisionId)
      issue(['annulsDecisionId'], {
        vi: 'Chỉ quyết định hủy mới hủy quyết định khác.',
        en: 'Only an annulment annuls.',
      });
    if (d.items.length === 0) issue(['items'], { vi: 'Cần ít nhất một người.', en: 'List at least one person.' });
    const seen = new Set<string>();
    d.items.forEach((item, i) => {
      if (seen.has(item.personId))
        issue(['items', i, 'personId'], { vi: 'Một người chỉ ghi một lần.', en: 'A person is listed only once.' });
      seen.add(item.personId);
      const change = item.change ?? defaultChange(d.kind);
      if (d.kind === 'establish' && change !== 'add')
        issue(['items', i, 'change'], {
          vi: 'Quyết định thành lập chỉ gồm người được công nhận.',
          en: 'An establishing decision only lists members.',
        });
      if ((change === 'add' || change === 'reappoint') && item.fields.length === 0)
        issue(['items', i, 'fields'], { vi: 'Cần ít nhất một lĩnh vực.', en: 'Give at least one field.' });
      if (change === 'transfer' && !item.toRosterId)
        issue(['items', i, 'toRosterId'], {
          vi: 'Điều chuyển cần danh sách chuyển đến.',
          en: 'A transfer names the roster moved to.',
        });
      if (change !== 'transfer' && item.toRosterId)
        issue(['items', i, 'toRosterId'], { vi: 'Chỉ dùng khi điều chuyển.', en: 'Only for a transfer.' });
    });
  })
  .transform((d) => ({
    ...d,
    items: d.items.map((item) => ({
      personId: item.personId,
      change: item.change ?? defaultChange(d.kind),
      fields: [...new Set(item.fields)],
      position: item.position ?? null,
      toRosterId: item.toRosterId ?? null,
    })),
  }));
export type RosterDecisionInput = z.input<typeof rosterDecisionInput>;
export type ValidRosterDecisionInput = z.output<typeof rosterDecisionInput>;

function defaultChange(kind: RosterDecisionKind): RosterChange {
  return kind === 'establish' || kind === 'annul' ? 'add' : kind;
}

/** Who is asked about: one roster by id, or the roster of a unit and level in force on the date. */
export const rosterAtInput = z
  .object({
    rosterId: z.uuid().optional(),
    ownerUnitId: z.uuid().optional(),
    level: levelCode.optional(),
    date: isoDate,
    knownOn: isoDate.optional(),
  })
  .strict()
  .refine((q) => Boolean(q.rosterId) !== Boolean(q.ownerUnitId && q.level), {
    path: ['rosterId'],
    message: bilingual({
      vi: 'Chọn một danh sách, hoặc đơn vị và cấp (không cả hai).',
      en: 'Give a roster, or a unit and a level (not both).',
    }),
  });
export type RosterAtInput = z.input<typeof rosterAtInput>;

// ---- errors ---------------------------------------------------------------------------------

export function rosterNotFoundError(what: string): DomainError {
  return new DomainError('ROSTER.NOT_FOUND', {
    vi: `Không tìm thấy danh sách báo cáo viên (${what}).`,
    en: `No rapporteur roster found (${what}).`,
  });
}

export function decisionNotFoundError(id: string): DomainError {
  return new DomainError(
    'ROSTER.DECISION_NOT_FOUND',
    { vi: `Không tìm thấy quyết định ${id}.`, en: `Decision ${id} not found.` },
    { fields: [{ field: 'annulsDecisionId', message: { vi: 'Không tìm thấy.', en: 'Not found.' } }] },
  );
}

/** ROSTER.DECISION_INVALID: the decision does not fit the roster as it stands on its date. */
export function decisionInvalidError(text: LocalizedText, field?: string): DomainError {
  return new DomainError('ROSTER.DECISION_INVALID', text, field ? { fields: [{ field, message: text }] } : {});
}

export function decisionNumberTakenError(number: string): DomainError {
  return new DomainError(
    'ROSTER.DECISION_NUMBER_TAKEN',
    {
      vi: `Số quyết định "${number}" đã được ghi cho danh sách này.`,
      en: `Decision number "${number}" is already recorded for this roster.`,
    },
    { fields: [{ field: 'number', message: { vi: 'Số đã được dùng.', en: 'Number already used.' } }] },
  );
}

export function decisionAlreadyAnnulledError(number: string, by: string): DomainError {
  return new DomainError(
    'ROSTER.DECISION_ALREADY_ANNULLED',
    {
      vi: `Quyết định ${number} đã bị hủy bởi quyết định ${by}.`,
      en: `Decision ${number} was already annulled by decision ${by}.`,
    },
    { fields: [{ field: 'annulsDecisionId', message: { vi: 'Đã bị hủy.', en: 'Already annulled.' } }] },
  );
}

/**
 * Checks a new decision against the roster as it stands on its date (as known now): adding a
 * sitting member or removing someone who is not on it is a mistake worth refusing. Returns null
 * when the decision fits.
 */
export function checkDecisionAgainstRoster(
  members: readonly Pick<RosterMember, 'personId'>[],
  decision: Pick<ValidRosterDecisionInput, 'kind' | 'date' | 'items'>,
  names: ReadonlyMap<string, string> = new Map(),
): DomainError | null {
  if (decision.kind === 'establish' || decision.kind === 'annul') return null;
  const onRoster = new Set(members.map((m) => m.personId));
  for (const [i, item] of decision.items.entries()) {
    const who = names.get(item.personId) ?? item.personId;
    const on = formatDate(decision.date);
    if (item.change === 'add' && onRoster.has(item.personId)) {
      return decisionInvalidError(
        { vi: `${who} đã có trong danh sách ngày ${on}.`, en: `${who} is already on the roster on ${on}.` },
        `items.${i}.personId`,
      );
    }
    if ((item.change === 'remove' || item.change === 'transfer') && !onRoster.has(item.personId)) {
      return decisionInvalidError(
        { vi: `${who} không có trong danh sách ngày ${on}.`, en: `${who} is not on the roster on ${on}.` },
        `items.${i}.personId`,
      );
    }
  }
  return null;
}

/** Annul a decision by a new one (never by deleting it). */
export const annulDecisionInput = z
  .object({
    decisionId: z.uuid(),
    number: text(60),
    date: isoDate,
    signer: text(200),
    note: text(1000, { min: 0, multiline: true }).nullish(),
  })
  .strict();
export type AnnulDecisionInput = z.input<typeof annulDecisionInput>;

export const rosterListInput = z.object({ ownerUnitId: z.uuid().optional(), level: levelCode.optional() }).strict();
export type RosterListInput = z.input<typeof rosterListInput>;

export const rostersOfInput = z.object({ personId: z.uuid(), date: isoDate }).strict();

/** One member's page: their rosters at `date`, every decision naming them, their briefings of `year`. */
export const memberRecordInput = z
  .object({ personId: z.uuid(), date: isoDate, year: z.number().int().min(1945).max(2200) })
  .strict();
export type MemberRecordInput = z.input<typeof memberRecordInput>;

/** A single id, validated (bad ids become INPUT.INVALID, not a database error). */
export const idInput = z.uuid();
