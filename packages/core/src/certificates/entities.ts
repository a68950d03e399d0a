import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { EnrolmentSchema } from '../enrolment/entities.js';
import { recordId } from '../kernel/entity-fields.js';
import { UnitSchema } from '../units/entities.js';

/**
 * A certificate (*giấy chứng nhận*). Numbers are gap-free per issuer and year: they come from
 * `certificate_counter`, bumped in the issuing transaction. Revoking keeps the number.
 */
export const CertificateSchema = defineEntity({
  name: 'Certificate',
  tableName: 'certificate',
  properties: (p) => ({
    ...recordId(p),
    enrolment: p.manyToOne(EnrolmentSchema).ref(),
    issuerUnit: p.manyToOne(UnitSchema).ref(),
    year: p.integer(),
    number: p.integer(),
    numberText: p.string().length(60),
    verificationCode: p.string().length(12).unique(),
    issuedOn: p.date(),
    issuedAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
    revokeReason: p.string().length(1000).nullable(),
  }),
});
export type Certificate = InferEntity<typeof CertificateSchema>;
