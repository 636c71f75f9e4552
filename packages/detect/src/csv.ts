/**
 * Parsing of `timestamp,value` CSV rows for the command line (pure functions: the CLI does the reading).
 * Timestamps may be ISO 8601 (`2024-01-01T00:00:00Z`), `YYYY-MM-DD HH:MM:SS[.ffffff]` (UTC unless a zone is
 * given), or Unix time in seconds or milliseconds.
 */

export interface Columns {
  timestamp: number;
  value: number;
}

export type ParsedRow =
  | { ok: true; raw: string; rawValue: string; t: number; v: number }
  | { ok: false; raw: string; rawValue: string; error: string };

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds since the epoch, or NaN when the text is not a timestamp. */
export function parseTimestamp(text: string): number {
  const s = text.trim();
  if (s === '') return Number.NaN;
  if (/^-?\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    // Unix seconds until the year 5138; anything larger is milliseconds.
    return Math.abs(n) < 1e11 ? n * 1000 : n;
  }
  const match = DATE_TIME.exec(s);
  if (!match) return Number.NaN;
  const [, date, time = '00:00:00', zone] = match;
  let fraction = '';
  let clock = time.length === 5 ? `${time}:00` : time;
  const dot = clock.indexOf('.');
  if (dot >= 0) {
    fraction = clock.slice(dot, dot + 4).padEnd(4, '0');
    clock = clock.slice(0, dot);
  }
  const offset =
    !zone || zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.includes(':')
        ? zone
        : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const t = Date.parse(`${date}T${clock}${fraction}${offset}`);
  // Date.parse rolls impossible days over (2024-02-30 → 1 March): the calendar date must survive the round trip.
  const [year, month, day] = date.split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  ) {
    return Number.NaN;
  }
  return t;
}

function unquote(field: string): string {
  const s = field.trim();
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s;
}

export function splitFields(line: string): string[] {
  if (!line.includes('"')) return line.split(',').map((f) => f.trim());
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      fields.push(unquote(current));
      current = '';
    } else current += ch;
  }
  fields.push(unquote(current));
  return fields;
}

/**
 * Reads the header line: which columns hold the timestamp and the value. Returns undefined when the first line
 * is already data (no header): then the first two columns are used and the line is a row.
 */
export function readHeader(line: string): Columns | undefined {
  const fields = splitFields(line).map((f) => f.toLowerCase());
  // A first line whose first field is a timestamp is data (its value may be anything parseRow accepts or reports).
  if (fields.length >= 2 && Number.isFinite(parseTimestamp(fields[0]))) {
    return undefined;
  }
  const find = (names: string[]) => fields.findIndex((f) => names.includes(f));
  const timestamp = find(['timestamp', 'time', 'ts', 'date', 'datetime']);
  const value = find(['value', 'val', 'y', 'metric']);
  return { timestamp: timestamp >= 0 ? timestamp : 0, value: value >= 0 ? value : timestamp === 1 ? 0 : 1 };
}

export function parseRow(line: string, columns: Columns): ParsedRow {
  const fields = splitFields(line);
  const rawTimestamp = fields[columns.timestamp] ?? '';
  const rawValue = fields[columns.value];
  if (rawValue === undefined)
    return {
      ok: false,
      raw: rawTimestamp,
      rawValue: '',
      error: `has no column ${columns.value + 1} (value)`,
    };
  const t = parseTimestamp(rawTimestamp);
  if (!Number.isFinite(t))
    return {
      ok: false,
      raw: rawTimestamp,
      rawValue,
      error: `timestamp "${rawTimestamp}" is not a date or Unix time`,
    };
  const lowered = rawValue.toLowerCase();
  const v =
    lowered === 'nan'
      ? Number.NaN
      : lowered === 'inf' || lowered === '+inf'
        ? Number.POSITIVE_INFINITY
        : lowered === '-inf'
          ? Number.NEGATIVE_INFINITY
          : rawValue === ''
            ? Number.NaN
            : Number(rawValue);
  if (Number.isNaN(v) && lowered !== 'nan')
    return { ok: false, raw: rawTimestamp, rawValue, error: `value "${rawValue}" is not a number` };
  return { ok: true, raw: rawTimestamp, rawValue, t, v };
}
