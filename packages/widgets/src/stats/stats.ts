import { define } from '../define.js';
import { PcStats } from './stats.component.js';

define('pc-stats', PcStats);

declare global {
  interface HTMLElementTagNameMap {
    'pc-stats': PcStats;
  }
}

export { PcStats };
