import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { recordId } from '../kernel/entity-fields.js';
import { UnitSchema } from './entities.js';

/** Where a unit's people and history went when the map changed (merged, split, renamed). */
export const UnitLinkSchema = defineEntity({
  name: 'UnitLink',
  tableName: 'unit_link',
  properties: (p) => ({
    ...recordId(p),
    predecessor: p.manyToOne(UnitSchema).ref(),
    successor: p.manyToOne(UnitSchema).ref(),
    kind: p.enum(['merge', 'split', 'rename', 'transfer']),
    effectiveOn: p.date(),
    decision: p.string().length(200).nullable(),
  }),
});
export type UnitLink = InferEntity<typeof UnitLinkSchema>;
