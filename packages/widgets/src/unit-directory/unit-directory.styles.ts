import { css } from 'lit';

export const styles = css`
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
    margin: 0 0 0.75rem;
    color: var(--pc-accent);
  }
  ol {
    margin: 0;
    padding-left: 1.5rem;
    columns: var(--pc-unit-directory-columns, 2) 14rem;
  }
  li {
    padding: 0.15rem 0;
    break-inside: avoid;
  }
  .code {
    color: var(--pc-muted);
    font-size: 0.85em;
    margin-left: 0.35rem;
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
