/** `@polcenter/core/units`: the unit tree, and where a unit went when the map changed (merged, split, renamed). */
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
/** @internal */
export * from './link-entities.js';
export { type UnitHistoryEntry, type UnitLinkView, UnitService, type UnitView } from './units.js';
