/** Formats the human key of an issue: `ARG-42` for prefix ARG and number 42. */
export function formatIssueKey(prefix: string, number: number): string {
  return `${prefix}-${number}`;
}

/**
 * Reads what a caller passed as an issue reference: a UUID, or a key like `ARG-42` (any prefix, case-insensitive,
 * so keys survive a prefix change). Returns undefined for anything else.
 */
export function parseIssueReference(reference: string): { id: string } | { number: number } | undefined {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference))
    return { id: reference.toLowerCase() };
  const match = /^[A-Za-z][A-Za-z0-9]{0,9}-(\d{1,12})$/.exec(reference);
  if (!match) return undefined;
  const number = Number(match[1]);
  return Number.isSafeInteger(number) && number > 0 ? { number } : undefined;
}
