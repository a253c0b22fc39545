import { PassThrough } from 'node:stream';
import { Progress } from '../../apps/cli/src/progress';

function output(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('CLI progress', () => {
  it('redraws one bar in place on a terminal, and ends with the events per second', () => {
    const out = output(true);
    const progress = new Progress(out.stream, 'rebuild', { first: 1n, last: 1001n });
    progress.update(501n, 500);
    progress.update(1001n, 1000);
    const summary = progress.finish(1000);
    // cli-progress draws each frame from column 1 (ESC[1G) and ends the bar with one newline; frames in between depend on its redraw throttle.
    const text = out.text();
    // eslint-disable-next-line no-control-regex -- the terminal's escape sequences are what it strips
    const escapes = /\x1b(\[[0-9;?]*[A-Za-z]|[78])/g;
    const frames = text
      .split('\x1b[1G')
      .slice(1)
      .map((frame) => frame.replace(escapes, ''));
    expect(frames[0]).toMatch(/^rebuild \[\.{30}\] {3}0% 0 events \d+ events\/s$/);
    expect(frames.slice(1, -1).every((frame) => /^rebuild \[#*\.*\] +\d+% \d+ events \d+ events\/s$/.test(frame))).toBe(
      true,
    );
    expect(frames.at(-1)).toMatch(/^rebuild \[#{30}\] 100% 1000 events \d+ events\/s\n$/);
    expect(text.split('\n')).toHaveLength(2);
    expect(summary).toMatch(/^1000 events in \d+\.\d\d s \(\d+ events\/s\)$/);
  });

  it('writes a line per tenth elsewhere (logs, CI)', () => {
    const out = output(false);
    const progress = new Progress(out.stream, 'verify', { first: 1n, last: 100n });
    for (let position = 1n; position <= 100n; position += 5n) progress.update(position, Number(position));
    progress.finish(100);
    const lines = out.text().trim().split('\n');
    expect(lines[0]).toBe('verify:   0% (1 events)');
    expect(lines).toHaveLength(10);
    expect(lines.every((line) => /^verify: +\d+% \(\d+ events\)$/.test(line))).toBe(true);
  });
});
