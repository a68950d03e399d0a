/**
 * The baseline of `widgets.bundle.reactRatio`: `pc-class-catalog` and `pc-rapporteur-roster`
 * written again as React 19 components, with the same features, markup, texts and style sheets,
 * embedded the same way (custom elements with a shadow root) and built by the bench with the
 * widgets' own Vite settings. Never shipped: it exists to be measured, so it must stay an honest
 * equivalent of the Lit widgets as they are (a React side lacking features would flatter nobody).
 *
 * Shared with the Lit widgets, because it is not UI code and each side would ship it alike: the
 * API client (`src/api`), how a failed call is told (`src/failure`), the language lookup
 * (`src/i18n`), the attribute checks (`src/attributes`) and the domain's dates and names. Written
 * here, the React way: components, state, loading with retries (`resource.js`), the placeholder,
 * failure and notice states (`states.jsx`), language, focus and console warnings (`element.jsx`).
 */
import { ClassCatalog } from './class-catalog.jsx';
import { defineWidget } from './element.jsx';
import { RapporteurRoster } from './rapporteur-roster.jsx';

// The Lit widgets' style sheets as text, put in by the bench's build (`define`).
const CSS = __PC_CSS__;

defineWidget(
  'pcr-class-catalog',
  ClassCatalog,
  ['api', 'timeout', 'organiser', 'program', 'from', 'to', 'page-size'],
  CSS.catalog,
);
defineWidget(
  'pcr-rapporteur-roster',
  RapporteurRoster,
  ['api', 'timeout', 'unit', 'level', 'date', 'field'],
  CSS.roster,
);
