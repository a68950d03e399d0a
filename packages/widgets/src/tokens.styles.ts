import { css } from 'lit';

/**
 * Design tokens every widget reads; a portal overrides them on `:root` or on the element. Every
 * colour a widget paints is one of these (docs/widgets-reference.md lists them).
 */
export const tokens = css`
  :host {
    --pc-font: var(--pc-font-family, system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --pc-text: var(--pc-color-text, #1f2933);
    --pc-muted: var(--pc-color-muted, #61707f);
    --pc-accent: var(--pc-color-accent, #b91c1c);
    --pc-on-accent: var(--pc-color-on-accent, #ffffff);
    --pc-surface: var(--pc-color-surface, #ffffff);
    --pc-line: var(--pc-color-line, #d9dee3);
    --pc-success: var(--pc-color-success, #15803d);
    --pc-error: var(--pc-color-error, #b91c1c);
    --pc-notice: var(--pc-color-notice, #fdf3e7);
    --pc-placeholder: var(--pc-color-placeholder, #e6eaee);
    --pc-focus: var(--pc-color-focus, #1d4ed8);
    --pc-radius: var(--pc-border-radius, 6px);
    font-family: var(--pc-font);
    color: var(--pc-text);
  }
`;

/**
 * What every widget shares: block layout, the hidden attribute, the panel, loading and error
 * lines, buttons, a visible focus ring, and the placeholder, failure and notice states.
 */
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
    color: var(--pc-error);
  }
  :focus-visible,
  [tabindex='-1']:focus {
    outline: 2px solid var(--pc-focus);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus:not(:focus-visible) {
    outline-style: dotted;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.9rem;
    border: 1px solid var(--pc-accent);
    background: var(--pc-surface);
    color: var(--pc-accent);
    border-radius: var(--pc-radius);
    cursor: pointer;
  }
  button.primary {
    background: var(--pc-accent);
    color: var(--pc-on-accent);
  }
  .failure,
  .notice,
  .problem {
    background: var(--pc-notice);
    color: var(--pc-error);
    border-radius: var(--pc-radius);
    padding: 0.6rem 0.8rem;
    margin: 0.5rem 0;
  }
  .failure p {
    margin: 0 0 0.5rem;
  }
  .notice button {
    margin-left: 0.5rem;
  }
  .bone {
    display: block;
    background: var(--pc-placeholder);
    border-radius: var(--pc-radius);
    height: 0.9em;
    margin: 0.45em 0;
    animation: pc-pulse 1.4s ease-in-out infinite;
  }
  .bone:nth-child(3n + 1) {
    width: 70%;
  }
  .bone:nth-child(3n + 2) {
    width: 45%;
  }
  .bone:nth-child(3n) {
    width: 60%;
  }
  .bone.heading {
    width: 35%;
    height: 1.2em;
  }
  @keyframes pc-pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
