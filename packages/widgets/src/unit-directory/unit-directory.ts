import { define } from '../define.js';
import { PcUnitDirectory } from './unit-directory.component.js';

define('pc-unit-directory', PcUnitDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'pc-unit-directory': PcUnitDirectory;
  }
}

export { PcUnitDirectory };
