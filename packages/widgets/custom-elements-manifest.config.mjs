/**
 * The webmasters' reference, read from the components' JSDoc at build: `dist/custom-elements.json`
 * (served beside the embed script), from which `docs/widgets-reference.md` is written.
 */
export default {
  globs: ['src/element.ts', 'src/*/*.component.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      name: 'polcenter-public-surface',
      // Only what a page can use: no internal state (`static properties` with `state: true` is
      // read as attributes), no private members, and only our `pc-` events.
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            const hidden = new Set(
              (declaration.members ?? [])
                .filter((m) => m.privacy === 'private' || m.privacy === 'protected' || m.static)
                .map((m) => m.name),
            );
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName ?? a.name));
            }
            if (declaration.members) declaration.members = declaration.members.filter((m) => !hidden.has(m.name));
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name?.startsWith('pc-'));
          }
        }
      },
    },
  ],
};
