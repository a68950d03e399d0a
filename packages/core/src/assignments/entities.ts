import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ASSIGNMENT_ROLES } from '@polcenter/domain';
import { ClassSessionSchema } from '../classes/entities.js';
import { recordId } from '../kernel/entity-fields.js';
import { PersonSchema } from '../people/entities.js';

/** A lecturer or rapporteur assigned to a class session; `overrideReason` marks an allowed clash. */
export const TeachingAssignmentSchema = defineEntity({
  name: 'TeachingAssignment',
  tableName: 'teaching_assignment',
  properties: (p) => ({
    ...recordId(p),
    session: p.manyToOne(ClassSessionSchema).ref(),
    person: p.manyToOne(PersonSchema).ref(),
    role: p.enum([...ASSIGNMENT_ROLES]),
    overrideReason: p.string().length(500).nullable(),
    assignedAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type TeachingAssignment = InferEntity<typeof TeachingAssignmentSchema>;
