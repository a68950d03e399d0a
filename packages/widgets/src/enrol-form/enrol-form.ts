import { define } from '../define';
import { PcEnrolForm } from './enrol-form.component';

define('pc-enrol-form', PcEnrolForm);

declare global {
  interface HTMLElementTagNameMap {
    'pc-enrol-form': PcEnrolForm;
  }
}

export { PcEnrolForm };
