import { css } from 'lit';

/** What the people and accounts pages share beyond the console's styles: facts, lists of grants, hidden labels. */
export const peopleStyles = css`
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.5rem 1rem;
    margin: 0 0 1rem;
  }
  .facts dt {
    font-size: 0.85rem;
    color: var(--pc-muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  ul.grants,
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ul.grants > li {
    border-bottom: 1px solid var(--pc-border, #ccc);
    padding: 0.5rem 0;
  }
  code {
    font-size: 1.05rem;
    overflow-wrap: anywhere;
  }
  /* Long unit names in selects must not widen the page at 360 px. */
  select {
    max-width: 100%;
    min-width: 0;
  }
  .field {
    min-width: 0;
  }
  /* The hidden labels inside a scrolling table stay in it, not past the page's edge. */
  .table-wrap {
    position: relative;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .records {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
    gap: 1rem;
  }
  pre.change {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0;
    font-size: 0.85rem;
  }
`;
