import { EmptyState } from '../States';

/** "rootCause" → "Root cause", "suggested_team" → "Suggested team". */
function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function Value({ value, depth }: { value: unknown; depth: number }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (typeof value === 'boolean') return <>{value ? 'Yes' : 'No'}</>;
  if (typeof value === 'number') return <>{Number.isInteger(value) ? value : value.toFixed(2)}</>;
  if (typeof value === 'string') return <span className="analysis-text">{value}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">None</span>;
    return (
      <ul className="analysis-list">
        {value.map((item, index) => (
          <li key={index}>
            <Value value={item} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  }
  if (isRecord(value)) {
    if (depth > 3) return <code>{JSON.stringify(value)}</code>;
    return <Fields record={value} depth={depth + 1} />;
  }
  return <>{String(value)}</>;
}

function Fields({ record, depth }: { record: Record<string, unknown>; depth: number }) {
  return (
    <dl className="analysis">
      {Object.entries(record).map(([key, value]) => (
        <div key={key} className="analysis-row">
          <dt>{humanize(key)}</dt>
          <dd>
            <Value value={value} depth={depth} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** An automatic analysis (triage or root cause) shown as readable fields; a short note while none ran. */
export function AnalysisPanel({
  title,
  analysis,
}: {
  title: string;
  analysis: Record<string, unknown> | null;
}) {
  return (
    <section className="card analysis-panel" aria-labelledby={`analysis-${title.replace(/\W+/g, '-')}`}>
      <h2 id={`analysis-${title.replace(/\W+/g, '-')}`}>{title}</h2>
      {analysis && Object.keys(analysis).length > 0 ? (
        <Fields record={analysis} depth={0} />
      ) : (
        <EmptyState title="Not analysed yet" />
      )}
    </section>
  );
}
