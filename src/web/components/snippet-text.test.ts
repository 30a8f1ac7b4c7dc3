import { describe, expect, it } from 'vitest';
import { decodeEntities, parseSnippet } from './snippet-text.js';

describe('search snippets', () => {
  it('splits marked matches from the text around them', () => {
    expect(parseSnippet('Export to <mark>CSV</mark> please')).toEqual([
      { text: 'Export to ', mark: false },
      { text: 'CSV', mark: true },
      { text: ' please', mark: false },
    ]);
  });

  it('decodes escaped characters into text, never into markup', () => {
    expect(parseSnippet('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>d&#39;accord</mark>')).toEqual([
      { text: '<script>alert(1)</script> & ', mark: false },
      { text: "d'accord", mark: true },
    ]);
  });

  it('keeps unknown entities and stray tags as plain text', () => {
    expect(parseSnippet('a &bogus; <b>b</b>')).toEqual([{ text: 'a &bogus; <b>b</b>', mark: false }]);
    expect(decodeEntities('&#x1F600; &#0;')).toBe('😀 &#0;');
  });
});
