// Turns whatever a user types in the queue's search box into a safe FTS5 query: every word becomes a quoted
// prefix term, so quotes, dashes, colons, AND/OR/NEAR and stars are matched as text, never parsed as syntax.

// The same characters the unicode61 tokenizer keeps in tokens (letters, digits, private use); everything else
// separates words, exactly as it does when the text is indexed. "anna@contoso.com" is anna, contoso, com.
const tokenPattern = /[\p{L}\p{N}\p{Co}]+/gu;

export function ftsPrefixQuery(input: string): string | null {
  const words = input.normalize('NFKC').match(tokenPattern) ?? [];
  if (words.length === 0) return null;
  // A token has no double quote in it, so wrapping it in quotes is a complete escape.
  return words.map((word) => `"${word}"*`).join(' ');
}
