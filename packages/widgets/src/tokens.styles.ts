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

/** What every widget shares: block layout, the hidden attribute, the panel, loading and error lines. */
export const base = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  section {
    background: var(--pc-surface);
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
    padding: 1rem 1.25rem;
  }
  h2 {
    font-size: 1.05rem;
    color: var(--pc-accent);
  }
  [role='status'],
  [role='alert'] {
    color: var(--pc-muted);
    margin: 0;
  }
  [role='alert'] {
    color: var(--pc-accent);
  }
`;
