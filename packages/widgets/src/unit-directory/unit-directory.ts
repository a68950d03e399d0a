import { define } from '../define';
import { PcUnitDirectory } from './unit-directory.component';

define('pc-unit-directory', PcUnitDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'pc-unit-directory': PcUnitDirectory;
  }
}

export { PcUnitDirectory };
