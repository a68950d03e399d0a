import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ROLES } from '@polcenter/domain';
import { recordId, timestamps } from '../kernel/entity-fields.js';
import { PersonSchema } from '../people/entities.js';
import { UnitSchema } from '../units/entities.js';

/** A staff account (the public needs none). The password is kept only as a scrypt hash. */
export const AppUserSchema = defineEntity({
  name: 'AppUser',
  tableName: 'app_user',
  properties: (p) => ({
    ...recordId(p),
    username: p.string().length(60).unique(),
    displayName: p.string().length(120),
    passwordHash: p.string().length(200).hidden(),
    person: p.manyToOne(PersonSchema).ref().nullable(),
    active: p.boolean().default(true),
    /** Signed in with a temporary password an administrator gave: nothing but a password change until then. */
    mustChangePassword: p.boolean().default(false),
    ...timestamps(p),
  }),
});
export type AppUser = InferEntity<typeof AppUserSchema>;

/** A role held for a unit and everything under it; admins hold theirs for no unit. */
export const UserRoleSchema = defineEntity({
  name: 'UserRole',
  tableName: 'user_role',
  properties: (p) => ({
    ...recordId(p),
    user: p.manyToOne(AppUserSchema).ref(),
    role: p.enum([...ROLES]),
    unit: p.manyToOne(UnitSchema).ref().nullable(),
  }),
});
export type UserRole = InferEntity<typeof UserRoleSchema>;

/** A bearer token: a sign-in session or an API token for another app. Stored hashed. */
export const AuthTokenSchema = defineEntity({
  name: 'AuthToken',
  tableName: 'auth_token',
  properties: (p) => ({
    ...recordId(p),
    user: p.manyToOne(AppUserSchema).ref(),
    kind: p.enum(['session', 'api']),
    label: p.string().length(120).nullable(),
    /** Queries only. */
    readOnly: p.boolean().default(false),
    /** The areas (router names) an API token may call; null for all. */
    areas: p.array().nullable(),
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** Every token ends: sessions after a working day, API tokens after at most a year. */
    expiresAt: p.datetime(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  }),
});
export type AuthToken = InferEntity<typeof AuthTokenSchema>;
