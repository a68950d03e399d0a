import { failureText } from '../../src/failure';

// What a widget shows instead of (or under) its content: grey placeholders while loading, a
// webmaster's mistake, a failure with its retry button, a notice under content kept on screen.

const TEXT = {
  retry: { vi: 'Thử lại', en: 'Try again' },
  retrying: { vi: 'Đang thử lại…', en: 'Trying again…' },
};

/** Grey bars shaped like the content (`children`), announced by `label` to screen readers. */
export function Placeholder({ label, children }) {
  return (
    <div className="placeholder" role="status" aria-busy="true" tabIndex={-1} data-focus="">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true">{children}</div>
    </div>
  );
}

/** `count` bars of varying widths (set by the style sheet): lines of a list or a table. */
export function Bones({ count, heading = false }) {
  return (
    <>
      {heading ? <span className="bone heading" /> : null}
      {Array.from({ length: count }, (_, i) => (
        <span key={i} className="bone" />
      ))}
    </>
  );
}

/** A webmaster's mistake in an attribute, in the widget's place. */
export function Problem({ problem, lang }) {
  return (
    <p className="problem" role="alert" tabIndex={-1} data-focus="">
      {problem.text[lang]}
    </p>
  );
}

function RetryButton({ resource, lang }) {
  return (
    <button type="button" className="retry" onClick={resource.retry}>
      {resource.loading ? TEXT.retrying[lang] : TEXT.retry[lang]}
    </button>
  );
}

/**
 * The content of `resource` (`children(value)`), or what stands in for it: the placeholder
 * (`loading()`) or the failure, with a retry button when trying again may help.
 */
export function Loaded({ resource, lang, loading, children }) {
  if (resource.value !== undefined) return children(resource.value);
  const failure = resource.failure;
  if (!failure) return loading();
  return (
    <div className="failure" role="alert">
      <p>{failureText(failure, lang)}</p>
      {failure.transient ? <RetryButton resource={resource} lang={lang} /> : null}
    </div>
  );
}

/** A later load failed while the content is still shown: a line under it, with a retry button. */
export function Notice({ resource, lang }) {
  const failure = resource.failure;
  if (!failure || resource.value === undefined) return null;
  return (
    <p className="notice" role="alert">
      {failureText(failure, lang)} {failure.transient ? <RetryButton resource={resource} lang={lang} /> : null}
    </p>
  );
}
