/**
 * A link's highlight quotes the insight: it must be a passage of its text. Line breaks and
 * runs of spaces may differ (a selection across lines, a pasted sentence), and so may
 * letter case; the words themselves may not.
 */
function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function isQuoteOf(text: string, highlight: string): boolean {
  const quote = comparable(highlight);
  return quote !== '' && comparable(text).includes(quote);
}
