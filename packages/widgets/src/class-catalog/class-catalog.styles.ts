import { css } from 'lit';

export const styles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fill, minmax(var(--pc-class-catalog-card-width, 18rem), 1fr));
  }
  li {
    background: var(--pc-surface);
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
    padding: 0.9rem 1rem;
  }
  h3 {
    margin: 0 0 0.35rem;
    font-size: 1rem;
    color: var(--pc-accent);
  }
  .code {
    color: var(--pc-muted);
    font-size: 0.85em;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.15rem 0.75rem;
    margin: 0.5rem 0 0;
    font-size: 0.92em;
  }
  dt {
    color: var(--pc-muted);
  }
  dd {
    margin: 0;
  }
  .seats[data-full] {
    color: var(--pc-accent);
    font-weight: 600;
  }
  .more {
    margin-top: 0.75rem;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    margin-bottom: 0.75rem;
  }
  label {
    display: flex;
    flex-direction: column;
    font-size: 0.9em;
    color: var(--pc-muted);
  }
  input,
  select {
    font: inherit;
    color: var(--pc-text);
    background: var(--pc-surface);
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
    padding: 0.3rem 0.5rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    margin-top: 0.6rem;
  }
  .details h4 {
    margin: 0.6rem 0 0.25rem;
  }
  .details p,
  .sessions {
    margin: 0.4rem 0;
    padding-left: 1.2rem;
    font-size: 0.92em;
  }
  .when {
    color: var(--pc-muted);
    display: block;
  }
  dialog {
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
    background: var(--pc-surface);
    color: var(--pc-text);
    max-width: min(40rem, 92vw);
  }
`;
