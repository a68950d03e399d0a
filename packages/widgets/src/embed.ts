/**
 * The one-script embed: `<script type="module" src="https://…/widgets/pc-widgets.js">` registers
 * every public widget.
 */
import './class-catalog/class-catalog';
import './unit-directory/unit-directory';
