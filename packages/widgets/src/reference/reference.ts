/**
 * Writes the webmasters' reference (docs/widgets-reference.md) from the custom elements manifest
 * that the build reads out of the components' JSDoc, so the page says what the code does.
 */

interface Described {
  readonly name: string;
  readonly description?: string;
  readonly summary?: string;
  readonly default?: string;
  readonly type?: { readonly text?: string };
  readonly fieldName?: string;
}

interface Declaration extends Described {
  readonly tagName?: string;
  readonly attributes?: readonly Described[];
  readonly events?: readonly Described[];
  readonly cssParts?: readonly Described[];
  readonly cssProperties?: readonly Described[];
}

export interface Manifest {
  readonly modules: readonly { readonly declarations?: readonly Declaration[] }[];
}

const cell = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text: string | undefined) => (text ? `\`${text}\`` : '');

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The reference page, in the manifest's order of elements (alphabetical by tag). */
export function renderReference(manifest: Manifest): string {
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  const base = declarations.find((d) => d.name === 'PcElement');
  const shared = new Set((base?.cssProperties ?? []).map((p) => p.name));
  const elements = declarations
    .filter((d) => d.tagName)
    .sort((a, b) => (a.tagName ?? '').localeCompare(b.tagName ?? ''));
  const parts: string[] = [
    '# Widget reference',
    '',
    "<!-- Generated from the widgets' JSDoc (packages/widgets/dist/custom-elements.json) by",
    '     `pnpm --filter @polcenter/widgets reference`. Do not edit by hand: a test checks it. -->',
    '',
    'Every attribute, event, part and style token of the public widgets. How to embed them, and',
    'what they do for visitors when the network fails, is in [embedding.md](embedding.md). The',
    'same data, for editors and tools, is served as `/widgets/custom-elements.json`.',
    '',
    'Every widget also takes `lang` (`vi` or `en`; else the nearest `lang` of the page), followed',
    'live: changing it, or `<html lang>`, re-renders the widget in that language.',
  ];
  for (const element of elements) {
    parts.push('', `## \`<${element.tagName}>\``, '', cell(element.summary ?? element.description));
    const attributes = element.attributes ?? [];
    if (attributes.length > 0) {
      parts.push(
        '',
        table(
          ['attribute', 'type', 'default', 'meaning'],
          attributes.map((a) => [code(a.name), code(cell(a.type?.text)), code(cell(a.default)), cell(a.description)]),
        ),
      );
    }
    const events = element.events ?? [];
    if (events.length > 0) {
      parts.push(
        '',
        table(
          ['event', 'when'],
          events.map((e) => [code(e.name), cell(e.description)]),
        ),
      );
    }
    const cssParts = element.cssParts ?? [];
    if (cssParts.length > 0) {
      parts.push(
        '',
        table(
          ['part', 'what'],
          cssParts.map((p) => [code(`::part(${p.name})`), cell(p.description)]),
        ),
      );
    }
    const own = (element.cssProperties ?? []).filter((p) => !shared.has(p.name));
    if (own.length > 0) {
      parts.push(
        '',
        table(
          ['CSS custom property', 'default', 'what'],
          own.map((p) => [code(p.name), code(cell(p.default)), cell(p.description)]),
        ),
      );
    }
  }
  parts.push(
    '',
    '## Theme tokens (every widget)',
    '',
    'Set on `:root` or on an element; every colour a widget paints is one of these.',
    '',
    table(
      ['CSS custom property', 'default', 'what'],
      (base?.cssProperties ?? []).map((p) => [code(p.name), code(cell(p.default)), cell(p.description)]),
    ),
    '',
  );
  return parts.join('\n');
}
