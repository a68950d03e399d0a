import { css } from 'lit';

/** Design tokens every widget reads; a portal overrides them on `:root` or on the element. */
export const tokens = css`
  :host {
    --pc-font: var(--pc-font-family, system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --pc-text: var(--pc-color-text, #1f2933);
    --pc-muted: var(--pc-color-muted, #61707f);
    --pc-accent: var(--pc-color-accent, #b91c1c);
    --pc-surface: var(--pc-color-surface, #ffffff);
    --pc-line: var(--pc-color-line, #d9dee3);
    --pc-radius: var(--pc-border-radius, 6px);
    font-family: var(--pc-font);
    color: var(--pc-text);
  }
`;
