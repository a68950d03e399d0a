import { css } from 'lit';

/**
 * What console pages share beyond the widgets' base: page headings, forms, tables, toolbars and
 * the states of an action. Every colour is a widgets token (ADR 0013). Layouts fold to one column
 * under 40rem, so a page works at 360 px wide.
 */
export const consoleStyles = css`
  :host {
    display: block;
  }
  h1 {
    font-size: 1.35rem;
    margin: 0 0 1rem;
  }
  h2 {
    margin: 1.25rem 0 0.5rem;
  }
  a {
    color: var(--pc-focus);
  }
  form,
  .panel {
    background: var(--pc-surface);
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
    padding: 1rem;
    margin-bottom: 1rem;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.75rem 1rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  label,
  legend {
    font-weight: 600;
    font-size: 0.9rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--pc-muted);
    border-radius: var(--pc-radius);
    background: var(--pc-surface);
    color: var(--pc-text);
    min-width: 0;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--pc-error);
  }
  .hint {
    color: var(--pc-muted);
    font-size: 0.85rem;
    margin: 0;
  }
  .field-error {
    color: var(--pc-error);
    font-size: 0.85rem;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 1rem;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .success {
    color: var(--pc-success);
    margin: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
    margin-bottom: 1rem;
  }
  .table-wrap {
    overflow-x: auto;
    background: var(--pc-surface);
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 0.45rem 0.6rem;
    border-bottom: 1px solid var(--pc-line);
    vertical-align: top;
  }
  th {
    font-size: 0.85rem;
    color: var(--pc-muted);
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--pc-muted);
  }
  .warning {
    background: var(--pc-notice);
    border-left: 4px solid var(--pc-accent);
    padding: 0.6rem 0.8rem;
    border-radius: var(--pc-radius);
    margin: 0.5rem 0;
  }
  dialog {
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
    max-width: min(32rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  @media (max-width: 40rem) {
    .fields {
      grid-template-columns: 1fr;
    }
  }
`;
