import { UnitLevelSchema, UnitSchema } from './unit';

export * from './unit';

/** Every entity, registered explicitly (bundles and tests stay predictable). */
export const ENTITIES = [UnitLevelSchema, UnitSchema];
