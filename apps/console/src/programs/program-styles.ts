import { css } from 'lit';

/** What the program pages add to the console's styles: rule tables, choices, editable rows. */
export const programStyles = css`
  fieldset {
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
    margin: 0 0 1rem;
    padding: 0.75rem;
    min-width: 0;
  }
  fieldset.choices {
    border: none;
    padding: 0.25rem 0;
    margin: 0.5rem 0;
  }
  .choice {
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
    margin: 0.2rem 1rem 0.2rem 0;
    font-weight: normal;
  }
  .label {
    font-weight: 600;
    font-size: 0.9rem;
  }
  table.edit input {
    width: 100%;
    min-width: 3rem;
  }
  table.rules th {
    width: 30%;
    color: var(--pc-text);
  }
  ul.plain {
    margin: 0;
    padding-left: 1.1rem;
  }
  .row-actions {
    white-space: nowrap;
  }
  a.button {
    display: inline-block;
    padding: 0.4rem 0.8rem;
    border: 1px solid var(--pc-focus);
    border-radius: var(--pc-radius);
    text-decoration: none;
  }
  input[readonly] {
    background: var(--pc-line);
  }
  .search {
    max-width: 24rem;
  }
`;
