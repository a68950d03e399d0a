import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0 0 0.5rem;
  }
  .class {
    margin-bottom: 1rem;
  }
  .title {
    font-weight: 600;
    margin: 0 0 0.35rem;
  }
  .code {
    color: var(--pc-muted);
    font-weight: 400;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2rem 1rem;
    margin: 0;
  }
  dt {
    color: var(--pc-muted);
  }
  dd {
    margin: 0;
  }
  .hint {
    color: var(--pc-muted);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, calc(100% / var(--pc-enrol-form-columns, 2) - 1rem)), 1fr));
    gap: 0.75rem 1rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--pc-surface);
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
  }
  [aria-invalid='true'] {
    border-color: var(--pc-accent);
  }
  .error {
    color: var(--pc-accent);
    margin: 0;
  }
  button {
    margin-top: 1rem;
    padding: 0.5rem 1.25rem;
  }
  button[disabled] {
    opacity: 0.6;
  }
  [part='result'] {
    margin-top: 1rem;
  }
  .headline {
    font-weight: 600;
    color: var(--pc-success);
  }
  .reference {
    overflow-wrap: anywhere;
  }
`;
