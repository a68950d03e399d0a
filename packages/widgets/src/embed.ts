/**
 * The one-script embed: `<script type="module" src="https://…/widgets/pc-widgets.js">` registers
 * every public widget.
 */
import './certificate-check/certificate-check';
import './class-catalog/class-catalog';
import './enrol-form/enrol-form';
import './rapporteur-roster/rapporteur-roster';
import './unit-directory/unit-directory';
