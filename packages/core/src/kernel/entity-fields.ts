import { randomUUID } from 'node:crypto';
import type { defineEntity } from '@mikro-orm/core';

/**
 * Properties most entities share, spread into their definitions (composition, not a base class):
 * `...recordId(p)`, `...timestamps(p)`.
 */
type Builders = typeof defineEntity.properties;

/** A UUID primary key made by the application, so a new record's id is known before it is written. */
export const recordId = (p: Builders) => ({
  id: p
    .uuid()
    .primary()
    .onCreate(() => randomUUID()),
});

/** When a record was created and last changed. */
export const timestamps = (p: Builders) => ({
  createdAt: p.datetime().onCreate(() => new Date()),
  updatedAt: p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
});
