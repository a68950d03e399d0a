import type { PolCenterClient } from '@polcenter/client';
import {
  DEFAULT_ROSTER_LEVELS,
  DEFAULT_UNIT_LEVELS,
  ETHNICITIES,
  ETHNICITY_NAMES,
  EXPERTISE_FIELD_NAMES,
  EXPERTISE_FIELDS,
  type Lang,
  type LocalizedText,
  PROGRAM_KIND_NAMES,
  PROGRAM_KINDS,
  type ReferenceList,
} from '@polcenter/domain';

/** One entry of a reference list as the console shows it. */
export interface ReferenceEntry {
  readonly code: string;
  readonly rank: number;
  readonly name: LocalizedText;
}

/**
 * What the console shows before the server's lists arrive (and if they cannot be read): the
 * entries a fresh installation ships with. Every label is then the server's, as administrators
 * named them (ADR 0029, ADR 0036).
 */
const SHIPPED: Record<ReferenceList, readonly ReferenceEntry[]> = {
  unit_level: DEFAULT_UNIT_LEVELS,
  roster_level: DEFAULT_ROSTER_LEVELS,
  program_kind: PROGRAM_KINDS.map((code, i) => ({ code, rank: (i + 1) * 10, name: PROGRAM_KIND_NAMES[code] })),
  expertise_field: EXPERTISE_FIELDS.map((code, i) => ({ code, rank: (i + 1) * 10, name: EXPERTISE_FIELD_NAMES[code] })),
  ethnicity: ETHNICITIES.map((code, i) => ({ code, rank: (i + 1) * 10, name: ETHNICITY_NAMES[code] })),
};

/**
 * Reference lists are read once and kept for five minutes: labels are on every page and change
 * rarely (an administrator's rename), so a page never waits for them and a rename reaches others
 * within minutes — at once in the tab that made it (`forgetReferenceNames`).
 */
const MAX_AGE_MS = 5 * 60_000;

let lists: Map<ReferenceList, readonly ReferenceEntry[]> | null = null;
let readAt = 0;
let reading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Reads the lists when they are older than five minutes (once at a time); listeners redraw after. */
export function refreshReferenceNames(client: PolCenterClient): void {
  if (reading || (lists && Date.now() - readAt < MAX_AGE_MS)) return;
  reading = client.reference.list
    .query({})
    .then((values) => {
      const read = new Map<ReferenceList, ReferenceEntry[]>();
      for (const v of values) {
        const entries = read.get(v.list) ?? [];
        entries.push({ code: v.code, rank: v.rank, name: v.name });
        read.set(v.list, entries);
      }
      lists = read;
      readAt = Date.now();
      for (const listener of listeners) listener();
    })
    // Unreadable (offline, the server restarting): the shipped names stay, and the next page tries again.
    .catch(() => undefined)
    .finally(() => {
      reading = null;
    });
}

/** An administrator saved an entry: read the lists again now. */
export function forgetReferenceNames(client: PolCenterClient): void {
  readAt = 0;
  refreshReferenceNames(client);
}

/** Calls `listener` whenever the lists were read; returns the way to stop. */
export function onReferenceNames(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A list's entries in their order (the server's once read). */
export function referenceEntries(list: ReferenceList): readonly ReferenceEntry[] {
  return lists?.get(list) ?? SHIPPED[list];
}

/** A code's name in the reader's language; the code itself when no list knows it. */
export function referenceName(list: ReferenceList, code: string, lang: Lang): string {
  const entry = referenceEntries(list).find((e) => e.code === code) ?? SHIPPED[list].find((e) => e.code === code);
  return entry?.name[lang] ?? code;
}

/** A code's place in its list (unknown codes last). */
export function referenceRank(list: ReferenceList, code: string): number {
  return referenceEntries(list).find((e) => e.code === code)?.rank ?? Number.MAX_SAFE_INTEGER;
}

/** A list as `code → name`, for the helpers that take a names record (a select's options). */
export function referenceNameRecord<K extends string>(list: ReferenceList): Record<K, LocalizedText> {
  const record: Record<string, LocalizedText> = Object.fromEntries(SHIPPED[list].map((e) => [e.code, e.name]));
  for (const e of referenceEntries(list)) record[e.code] = e.name;
  return record as Record<K, LocalizedText>;
}
