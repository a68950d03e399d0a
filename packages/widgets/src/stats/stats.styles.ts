import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0 0 0.25rem;
  }
  .meta {
    color: var(--pc-muted);
    margin: 0 0 0.75rem;
  }
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0 0 1rem;
  }
  dl div {
    display: flex;
    flex-direction: column-reverse;
  }
  dd {
    margin: 0;
    font-size: 1.8em;
    font-weight: 700;
    color: var(--pc-accent);
  }
  dt {
    color: var(--pc-muted);
    font-size: 0.9em;
  }
  figure {
    margin: 0 0 1rem;
  }
  figcaption {
    font-weight: 600;
    margin-bottom: 0.4rem;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    margin-bottom: 0.4rem;
  }
  svg {
    width: 100%;
    height: 0.9rem;
    background: var(--pc-placeholder);
    border-radius: var(--pc-radius);
  }
  rect {
    fill: var(--pc-stats-bar, var(--pc-accent));
  }
  .scroll {
    overflow-x: auto;
    margin-bottom: 1rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.3rem;
  }
  th,
  td {
    padding: 0.3rem 0.5rem;
    border-bottom: 1px solid var(--pc-line);
    text-align: right;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: left;
    font-weight: 400;
  }
  tfoot * {
    font-weight: 700;
  }
`;
