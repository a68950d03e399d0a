import { define } from '../define';
import { PcRapporteurRoster } from './rapporteur-roster.component';

define('pc-rapporteur-roster', PcRapporteurRoster);

declare global {
  interface HTMLElementTagNameMap {
    'pc-rapporteur-roster': PcRapporteurRoster;
  }
}

export { PcRapporteurRoster };
