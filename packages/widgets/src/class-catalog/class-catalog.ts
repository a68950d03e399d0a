import { define } from '../define.js';
import { PcClassCatalog } from './class-catalog.component.js';

define('pc-class-catalog', PcClassCatalog);

declare global {
  interface HTMLElementTagNameMap {
    'pc-class-catalog': PcClassCatalog;
  }
}

export { PcClassCatalog };
