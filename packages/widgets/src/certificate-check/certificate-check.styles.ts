import { css } from 'lit';

export const styles = css`
  label {
    display: block;
    margin-bottom: 0.35rem;
  }
  .row {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  input {
    flex: 1 1 12rem;
    font: inherit;
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    letter-spacing: 0.05em;
    text-transform: uppercase;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
    background: var(--pc-surface);
    color: var(--pc-text);
  }
  button {
    padding: 0.4rem 1rem;
  }
  [part='result'] {
    margin-top: 0.9rem;
  }
  h2 {
    margin: 0 0 0.5rem;
  }
  h2.valid {
    color: var(--pc-success);
  }
  h2.revoked {
    color: var(--pc-accent);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dt {
    color: var(--pc-muted);
  }
  dd {
    margin: 0;
  }
`;
