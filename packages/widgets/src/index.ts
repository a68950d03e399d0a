export { PcUnitDirectory } from './unit-directory/unit-directory';
