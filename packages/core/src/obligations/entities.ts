import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { OBLIGATION_KINDS } from '@polcenter/domain';
import { recordId } from '../kernel/entity-fields.js';

/** An obligation of rapporteurs, as data (ObligationInput in the domain). */
export const ObligationSchema = defineEntity({
  name: 'Obligation',
  tableName: 'obligation',
  properties: (p) => ({
    ...recordId(p),
    code: p.string().length(40).unique(),
    kind: p.enum([...OBLIGATION_KINDS]),
    rosterLevel: p.string().length(40).nullable(),
    minimum: p.integer().nullable(),
    minShare: p.decimal('number').nullable(),
    nameVi: p.string().length(200),
    nameEn: p.string().length(200),
    validFromYear: p.integer().nullable(),
    validToYear: p.integer().nullable(),
    /** Raised by each correction (ObligationService.update). */
    version: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Obligation = InferEntity<typeof ObligationSchema>;
