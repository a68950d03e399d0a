/**
 * The one-script embed: `<script type="module" src="https://…/widgets/pc-widgets.js">` registers
 * every public widget.
 */
import './certificate-check/certificate-check.js';
import './class-catalog/class-catalog.js';
import './enrol-form/enrol-form.js';
import './rapporteur-roster/rapporteur-roster.js';
import './stats/stats.js';
import './unit-directory/unit-directory.js';
