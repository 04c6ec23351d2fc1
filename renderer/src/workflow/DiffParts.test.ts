import { expect, test } from 'vitest';
import type { DiffPart } from '../../../shared/model/diffModels';
import { authorsOf, tagPositions } from './DiffParts';

const nino = { id: 'm-nino', name: 'ნინო' };
const giorgi = { id: 'm-giorgi', name: 'გიორგი' };

test('one author tag after each run of changes by the same people; spaces do not end a run, text does', () => {
  const parts: DiffPart[] = [
    { kind: 'equal', text: 'განიხილება ' },
    { kind: 'delete', text: '30', authors: [nino] },
    { kind: 'equal', text: ' ' },
    { kind: 'insert', text: '15', authors: [nino] },
    { kind: 'equal', text: ' დღის ' },
    { kind: 'insert', text: 'სამუშაო', authors: [giorgi] },
    { kind: 'insert', text: ' ვადაში', authors: [nino] },
    { kind: 'equal', text: '.\n' },
    { kind: 'insert', text: 'უცნობი' },
  ];
  expect([...tagPositions(parts)].sort((a, b) => a - b)).toEqual([3, 5, 6]);
  expect(authorsOf(parts)).toEqual([nino, giorgi]);
});

test('a change across a line break gets its tag before the break', () => {
  const parts: DiffPart[] = [
    { kind: 'insert', text: 'ა', authors: [nino] },
    { kind: 'equal', text: '\n' },
    { kind: 'insert', text: 'ბ', authors: [nino] },
  ];
  expect([...tagPositions(parts)]).toEqual([0, 2]);
});
