import { type Expression, type RawBuilder, sql } from 'kysely';
import { likePattern } from '../lib/text.js';

/**
 * `value LIKE '%text%' ESCAPE '\'`: true when the text appears in the value, with `%`, `_`
 * and `\` in the text matched literally. The ESCAPE clause is what makes this the same on
 * both databases: PostgreSQL escapes with a backslash by default, SQLite only when told to.
 * Every LIKE in Cairn goes through here.
 */
export function containsText(value: Expression<unknown>, text: string): RawBuilder<boolean> {
  return sql<boolean>`${value} like ${likePattern(text)} escape '\\'`;
}

/**
 * `containsText` ignoring case on both databases: SQLite's LIKE already ignores the case of
 * ASCII letters, PostgreSQL's does not, so a filter typed in another case than the stored
 * value found it on one and not on the other. Both lower() the same way for ASCII; letters
 * beyond it are compared as stored on SQLite, folded on PostgreSQL.
 */
export function containsTextAnyCase(value: Expression<unknown>, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${value}) like lower(${likePattern(text)}) escape '\\'`;
}
