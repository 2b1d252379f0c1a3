import { progressPrinter } from '../command';

const recorder = (isTTY: boolean) => {
  const chunks: string[] = [];
  return { chunks, out: { isTTY, write: (chunk: string) => chunks.push(chunk) > 0 } };
};

it('counts up in place on a terminal', () => {
  const { chunks, out } = recorder(true);
  const print = progressPrinter(out);
  print({ file: 'municipalities', done: 1, total: 2 });
  print({ file: 'municipalities', done: 2, total: 2 });
  expect(chunks).toEqual(['\rseed: municipalities 1/2', '\rseed: municipalities 2/2\n']);
});

it('writes one line per finished file into a log', () => {
  const { chunks, out } = recorder(false);
  const print = progressPrinter(out);
  print({ file: 'phases', done: 1, total: 3 });
  print({ file: 'phases', done: 3, total: 3 });
  expect(chunks).toEqual(['seed: phases 3/3\n']);
});
