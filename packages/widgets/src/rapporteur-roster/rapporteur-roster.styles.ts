import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0 0 0.25rem;
  }
  .meta {
    color: var(--pc-muted);
    margin: 0 0 0.75rem;
    font-size: 0.9em;
  }
  label {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
    margin-bottom: 0.75rem;
  }
  select {
    font: inherit;
    padding: 0.2rem 0.4rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--pc-line);
    vertical-align: top;
  }
  th {
    color: var(--pc-muted);
    font-weight: 600;
    font-size: 0.9em;
  }
`;
