/** "db, Payments ,stripe" -> ['db', 'payments', 'stripe']: trimmed, lower-case, no blanks or repeats. */
export function parseKeywords(text: string): string[] {
  const words = text
    .split(',')
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(words)];
}

export function formatKeywords(keywords: string[]): string {
  return keywords.join(', ');
}
