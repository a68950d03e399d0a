import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { UNIT_KINDS } from '@polcenter/domain';
import { recordId, timestamps } from '../kernel/entity-fields.js';

/** A level of the unit tree (province, district, commune, village…): data, not a constant. */
export const UnitLevelSchema = defineEntity({
  name: 'UnitLevel',
  tableName: 'unit_level',
  properties: (p) => ({
    code: p.string().length(40).primary(),
    rank: p.integer(),
    nameVi: p.string().length(100),
    nameEn: p.string().length(100),
  }),
});
export type UnitLevel = InferEntity<typeof UnitLevelSchema>;

/**
 * An organisation unit: a place in the administrative tree, or a party organisation, agency or
 * mass organisation attached to one. Units are never deleted: they stop being valid (`validTo`)
 * and successor links say where their people and history went.
 */
export const UnitSchema = defineEntity({
  name: 'Unit',
  tableName: 'unit',
  properties: (p) => ({
    ...recordId(p),
    code: p.string().length(40).unique(),
    name: p.string().length(200),
    level: p.manyToOne(UnitLevelSchema).ref(),
    kind: p.enum([...UNIT_KINDS]),
    parent: () => p.manyToOne(UnitSchema).ref().nullable(),
    validFrom: p.date().nullable(),
    validTo: p.date().nullable(),
    ...timestamps(p),
  }),
});
export type Unit = InferEntity<typeof UnitSchema>;
