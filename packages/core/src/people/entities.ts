import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { EDUCATION_LEVELS, ETHNICITIES, GENDERS, PARTY_STATUSES } from '@polcenter/domain';
import { recordId, timestamps } from '../kernel/entity-fields.js';
import { UnitSchema } from '../units/entities.js';

/**
 * One person, however many classes they attend or rosters they sit on. `nationalId`, `phone` and
 * `birthDate` are personal data (PERSONAL_FIELDS in the domain): never public, masked in lists,
 * and every full read by staff is audited. `givenName` and `searchName` are derived on write, for
 * Vietnamese ordering and diacritic-blind search.
 */
export const PersonSchema = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: (p) => ({
    ...recordId(p),
    fullName: p.string().length(120),
    givenName: p.string().length(60),
    searchName: p.string().length(120),
    birthDate: p.date().nullable(),
    gender: p.enum([...GENDERS]).nullable(),
    ethnicity: p.enum([...ETHNICITIES]).nullable(),
    unit: p.manyToOne(UnitSchema).ref().nullable(),
    position: p.string().length(200).nullable(),
    partyStatus: p.enum([...PARTY_STATUSES]),
    partyAdmittedOn: p.date().nullable(),
    educationLevel: p.enum([...EDUCATION_LEVELS]).nullable(),
    phone: p.string().length(20).nullable(),
    nationalId: p.string().length(12).nullable(),
    ...timestamps(p),
    version: p.integer().version(),
  }),
});
export type Person = InferEntity<typeof PersonSchema>;
