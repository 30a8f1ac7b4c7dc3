import { describe, it, expect } from 'vitest';
import { computeRice } from './index.js';
describe('x', () => { it('y', () => { expect(computeRice({reach:450,impact:3,confidence:1,effort:2})).toEqual({ok:true,value:675}); }); });
