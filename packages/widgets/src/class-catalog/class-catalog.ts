import { define } from '../define';
import { PcClassCatalog } from './class-catalog.component';

define('pc-class-catalog', PcClassCatalog);

declare global {
  interface HTMLElementTagNameMap {
    'pc-class-catalog': PcClassCatalog;
  }
}

export { PcClassCatalog };
