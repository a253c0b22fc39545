import { EventLoopTurns } from './event-loop-turns';

/**
 * A stable merge sort (bottom-up) in turns: Array.prototype.sort of a large array holds the event loop
 * for as long as it takes, this one gives it back every slice. Takes the array over (it ends up in any order).
 */
export async function sortInSlices<T>(
  items: T[],
  compare: (a: T, b: T) => number,
  turns: EventLoopTurns,
): Promise<T[]> {
  let from = items;
  let to = new Array<T>(items.length);
  for (let width = 1; width < from.length; width *= 2) {
    for (let left = 0; left < from.length; left += 2 * width) {
      const middle = Math.min(left + width, from.length);
      const right = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = middle;
      for (let k = left; k < right; k++) {
        to[k] = i < middle && (j >= right || compare(from[i], from[j]) <= 0) ? from[i++] : from[j++];
        if (turns.due()) await turns.pass();
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
