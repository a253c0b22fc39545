/**
 * Keyset paging's buttons: `cursors` are the cursors of the pages walked so far (the last one names the page
 * shown), so going back pops one and going on pushes the answer's `nextCursor`.
 */
export function Pager({
  label,
  cursors,
  setCursors,
  nextCursor,
  back,
  forward,
  showPage = false,
}: {
  label: string;
  cursors: string[];
  setCursors: (cursors: string[]) => void;
  nextCursor: string | null | undefined;
  back: string;
  forward: string;
  showPage?: boolean;
}) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
        {back}
      </button>
      {showPage && <span className="muted small">Page {cursors.length + 1}</span>}
      <button type="button" disabled={!nextCursor} onClick={() => nextCursor && setCursors([...cursors, nextCursor])}>
        {forward}
      </button>
    </nav>
  );
}
