import { css } from 'lit';

/** What the roster pages add to the console's styles: link buttons, lists inside cells, choices. */
export const rosterStyles = css`
  a.button {
    display: inline-block;
    padding: 0.4rem 0.8rem;
    border: 1px solid var(--pc-focus);
    border-radius: var(--pc-radius);
    text-decoration: none;
  }
  ul.plain {
    margin: 0;
    padding-left: 1.1rem;
  }
  fieldset {
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
    margin: 0 0 0.75rem;
    padding: 0.75rem;
    min-width: 0;
  }
  .choice {
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
    margin: 0.2rem 1rem 0.2rem 0;
    font-weight: normal;
  }
  ul.people {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.35rem;
  }
  ul.people li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .annulled {
    text-decoration: line-through;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 1rem;
  }
  dl.facts dt {
    font-weight: 600;
  }
  dl.facts dd {
    margin: 0;
    min-width: 0;
  }
  @media (max-width: 40rem) {
    dl.facts {
      grid-template-columns: 1fr;
    }
  }
`;
