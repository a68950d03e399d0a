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
  button {
    margin-top: 0.75rem;
    font: inherit;
    padding: 0.35rem 0.9rem;
    border: 1px solid var(--pc-accent);
    background: transparent;
    color: var(--pc-accent);
    border-radius: var(--pc-radius);
    cursor: pointer;
  }
`;
