import { define } from '../define.js';
import { PcRapporteurRoster } from './rapporteur-roster.component.js';

define('pc-rapporteur-roster', PcRapporteurRoster);

declare global {
  interface HTMLElementTagNameMap {
    'pc-rapporteur-roster': PcRapporteurRoster;
  }
}

export { PcRapporteurRoster };
