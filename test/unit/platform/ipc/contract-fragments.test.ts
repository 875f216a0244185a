// The contract is the spread of the features' fragments: no two fragments may declare the same method, or
// the spread would silently keep only the last one (and its feature's handler would win the handler table).
import { describe, expect, it } from 'vitest';
import { contract, contractFragments, methods } from '../../../../shared/ipc/contract';

describe('contract fragments', () => {
  it('declare every method exactly once', () => {
    const declared = Object.values(contractFragments).flatMap((fragment) => Object.keys(fragment));
    expect(declared.filter((method, index) => declared.indexOf(method) !== index)).toEqual([]);
    expect([...declared].sort()).toEqual([...methods].sort());
  });

  it('are spread into the contract unchanged', () => {
    for (const fragment of Object.values(contractFragments)) {
      for (const [method, definition] of Object.entries(fragment)) {
        expect(contract[method as keyof typeof contract]).toBe(definition);
      }
    }
  });
});
