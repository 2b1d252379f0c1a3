import { parse } from 'graphql';
import { findDocumentProblem, fragmentCycles } from '../graphql-document';

describe('fragmentCycles', () => {
  it('finds fragments that spread themselves, directly or through others', () => {
    expect(fragmentCycles(parse('{ a { ...A } } fragment A on X { b { ...A } }'))).toEqual(['A']);
    expect(fragmentCycles(parse('{ a { ...A } } fragment A on X { ...B } fragment B on X { c { ...A } }'))).toEqual(['A', 'B']);
  });

  it('leaves fragments that only reuse others alone', () => {
    expect(fragmentCycles(parse('{ a { ...A ...B } } fragment A on X { ...B } fragment B on X { c }'))).toEqual([]);
  });
});

describe('findDocumentProblem', () => {
  it('names the cycle, and leaves unparsable text to Apollo', () => {
    expect(findDocumentProblem('query { m { ...A } } fragment A on M { ...A }')).toBe('Fragment "A" spreads itself; fragment cycles are not allowed');
    expect(findDocumentProblem('{ municipalities { name } }')).toBeUndefined();
    expect(findDocumentProblem('fragment {{{')).toBeUndefined();
    expect(findDocumentProblem(42)).toBeUndefined();
  });
});
