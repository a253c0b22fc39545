import type { Response } from 'express';

/**
 * Writes the pieces one by one, pulling the next only once the socket has taken the last
 * (write() returned true, or 'drain'), so a slow client slows the reading instead of filling memory.
 * Stops pulling when the client goes away.
 */
export async function streamPieces(res: Response, pieces: Iterable<string | Uint8Array>): Promise<void> {
  let gone = false;
  const onClose = () => (gone = true);
  res.on('close', onClose);
  try {
    for (const piece of pieces) {
      if (gone) return;
      if (!res.write(piece)) await drained(res);
    }
    if (!gone) res.end();
  } finally {
    res.off('close', onClose);
  }
}

function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
