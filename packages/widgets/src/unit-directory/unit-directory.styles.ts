import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0 0 0.75rem;
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
`;
