import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { type ExpertiseField, ROSTER_CHANGES, ROSTER_DECISION_KINDS } from '@polcenter/domain';
import { recordId } from '../kernel/entity-fields.js';
import { PersonSchema } from '../people/entities.js';
import { UnitSchema } from '../units/entities.js';

/**
 * A roster (*danh sách báo cáo viên / tuyên truyền viên*) of a unit, level and term. Its members
 * are never stored: they are derived from its decisions (RosterService.rosterAt).
 */
export const RosterSchema = defineEntity({
  name: 'Roster',
  tableName: 'roster',
  properties: (p) => ({
    ...recordId(p),
    level: p.string().length(40),
    ownerUnit: p.manyToOne(UnitSchema).ref(),
    termStartYear: p.integer(),
    termEndYear: p.integer(),
    name: p.string().length(200).nullable(),
    /** Raised by each correction of the fields above (RosterService.update). */
    version: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Roster = InferEntity<typeof RosterSchema>;

/** A decision (*quyết định*) that changes a roster; an annulment cancels another one. */
export const RosterDecisionSchema = defineEntity({
  name: 'RosterDecision',
  tableName: 'roster_decision',
  properties: (p) => ({
    ...recordId(p),
    roster: p.manyToOne(RosterSchema).ref(),
    /** Recording order, from a sequence (the database assigns it). */
    seq: p.bigint('number').persist(false).nullable(),
    number: p.string().length(60),
    date: p.date(),
    signer: p.string().length(200),
    kind: p.enum([...ROSTER_DECISION_KINDS]),
    annulsDecision: () => p.manyToOne(RosterDecisionSchema).ref().nullable(),
    note: p.string().length(1000).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type RosterDecisionEntity = InferEntity<typeof RosterDecisionSchema>;

/** One line of a decision: one person and what it does to them. */
export const RosterDecisionItemSchema = defineEntity({
  name: 'RosterDecisionItem',
  tableName: 'roster_decision_item',
  properties: (p) => ({
    ...recordId(p),
    decision: p.manyToOne(RosterDecisionSchema).ref(),
    itemNo: p.integer(),
    person: p.manyToOne(PersonSchema).ref(),
    change: p.enum([...ROSTER_CHANGES]),
    fields: p.array<ExpertiseField>(),
    position: p.string().length(200).nullable(),
    toRoster: p.manyToOne(RosterSchema).ref().nullable(),
  }),
});
export type RosterDecisionItemEntity = InferEntity<typeof RosterDecisionItemSchema>;
