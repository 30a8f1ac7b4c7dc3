import { describe, expect, it } from 'vitest';
import { plainExcerpt } from './markdown-text.js';

describe('plainExcerpt', () => {
  it('drops headings, list marks, quotes and emphasis', () => {
    expect(plainExcerpt('## Why\nFor **retailers** who _lose_ customers.\n\n- Fast\n1. Calm\n> Quoted')).toBe(
      'For retailers who lose customers. Fast Calm Quoted',
    );
  });

  it('keeps link text only', () => {
    expect(plainExcerpt('See [the brief](https://example.com) and ![a chart](x.png).')).toBe('See the brief and a chart.');
  });
});
