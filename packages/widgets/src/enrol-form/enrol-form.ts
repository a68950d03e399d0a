import { define } from '../define.js';
import { PcEnrolForm } from './enrol-form.component.js';

define('pc-enrol-form', PcEnrolForm);

declare global {
  interface HTMLElementTagNameMap {
    'pc-enrol-form': PcEnrolForm;
  }
}

export { PcEnrolForm };
