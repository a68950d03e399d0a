export { PcClassCatalog } from './class-catalog/class-catalog';
export { PcUnitDirectory } from './unit-directory/unit-directory';
