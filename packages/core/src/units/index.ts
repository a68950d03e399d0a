/** `@polcenter/core/units`: the unit tree, and where a unit went when the map changed (merged, split, renamed). */
export * from './entities.js';
export * from './link-entities.js';
export { type UnitLinkView, UnitService, type UnitView } from './units.js';
