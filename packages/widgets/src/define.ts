/** Registers an element unless the page already has it (a widget script may be loaded twice). */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
