/** "Page N of M" with previous and next buttons. */
export function Pagination({
  page,
  pageCount,
  isCapped = false,
  onPage,
}: {
  page: number;
  pageCount: number;
  isCapped?: boolean;
  onPage: (page: number) => void;
}) {
  return (
    <nav className="pagination row" aria-label="Pagination">
      <button type="button" className="button small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <span aria-live="polite">
        Page {page} of {pageCount}
        {isCapped ? '+' : ''}
      </span>
      <button
        type="button"
        className="button small"
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
